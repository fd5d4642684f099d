// Site templates: lines a source prints on many of its pages are dropped as such; a page alone keeps them.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SiteTemplates } from '../src/extract/templates.js';
import { ingest } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import { squashSpaces } from '../src/text/normalize.js';
import type { RawDoc } from '../src/model.js';
import { jsonLines, runCli, tempDir } from './helpers.js';

const STORIES = [
  ['Ferry service to the islands resumes', 'The ferry company restarted its service to the outer islands on Monday after a two-week stoppage caused by a broken engine part.', 'Passengers queued from early morning at the harbour, and the first boat left fully booked shortly after seven.'],
  ['Harbour crane hits record tonnage', 'The new container crane at the eastern quay moved more cargo in March than any crane in the port before it, the port authority said.', 'Dock workers said the crane had cut waiting times for ships by almost a day during the busiest weeks.'],
  ['Fishing quota talks end without a deal', 'Talks between the fishing cooperatives and the regional government ended late on Thursday without agreement on next year quotas.', 'Both sides said they would meet again before the end of the month, and the cooperatives warned of protests in the harbour.'],
  ['Lighthouse reopens to visitors', 'The old lighthouse on the northern pier reopened to visitors on Saturday after three years of restoration work on its iron stairs.', 'Volunteers from the maritime museum will guide groups to the lantern room every weekend until October.'],
  ['Storm closes the coastal road', 'Heavy waves closed the coastal road between the harbour and the airport for most of Sunday, and buses were diverted inland.', 'Engineers inspected the sea wall on Monday morning and found no serious damage, the city council said.'],
];
const SLOGAN = 'The Harbour Ledger · news from the port since 1901';
const NOTICE = 'The Harbour Ledger is funded by its readers: support local reporting with a subscription from one euro a week.';

function page([title, first, second]: string[], i: number): string {
  return [title, first, SLOGAN, second, NOTICE, i < 2 ? 'The port handles about two million containers a year and employs four thousand people.' : 'Weather: light winds from the west this afternoon.'].join('\n');
}

test('lines recurring across a source are template; running text only when most pages carry it', () => {
  const t = new SiteTemplates();
  const raws: RawDoc[] = STORIES.map((s, i) => ({ origin: `p${i}.txt`, text: page(s, i), source: 'harbour-ledger', format: 'txt', meta: {}, warnings: [] }));
  for (const raw of raws) t.add(raw);
  const keys = t.templatesFor(raws[0]!);
  assert.ok(keys.some((k) => k.startsWith('the harbour ledger · news')), JSON.stringify(keys));
  assert.ok(keys.some((k) => k.startsWith('the harbour ledger is funded')));
  assert.ok(!keys.some((k) => k.startsWith('the port handles')), 'a background paragraph of two pages is not template');
  assert.deepEqual(new SiteTemplates().templatesFor(raws[0]!), []);
  const other = new SiteTemplates();
  raws.slice(0, 2).forEach((r) => other.add(r));
  assert.deepEqual(other.templatesFor(raws[0]!), [], 'two pages are too few to tell a template');
});

test('ingest drops a folder source template with the reason site-template', () => {
  const dir = tempDir();
  const site = join(dir, 'harbour-ledger');
  mkdirSync(site);
  STORIES.forEach((s, i) => writeFileSync(join(site, `${i}.txt`), page(s, i)));
  const db = join(dir, 'a.db');
  assert.equal(runCli(['ingest', '--db', db, '--quiet', site]).status, 0);
  const articles = jsonLines<{ id: string; text: string; blocks: { text: string; kept: boolean; reason: string }[] }>(runCli(['export', 'articles', '--db', db]).stdout);
  assert.equal(articles.length, 5);
  for (const a of articles) {
    assert.ok(!a.text.includes('funded by its readers'), a.text);
    assert.ok(a.blocks.some((b) => !b.kept && b.reason === 'site-template' && b.text === SLOGAN));
  }
  assert.ok(articles.filter((a) => a.text.includes('two million containers')).length === 2);
  assert.match(runCli(['article', articles[0]!.id, '--db', db, '--blocks']).stdout, /DROP noise\s+site-template/);
});

test('files kept from the template pass and files read twice are stored alike', async () => {
  const dir = tempDir();
  const site = join(dir, 'harbour-ledger');
  mkdirSync(site);
  STORIES.forEach((s, i) => writeFileSync(join(site, `${i}.txt`), page(s, i)));
  const stored = async (keptChars: number | undefined): Promise<string[]> => {
    const store = openStore(join(dir, `kept-${keptChars}.db`));
    const summary = await ingest(store, [site], { keptChars });
    const rows: string[] = [];
    const ids: string[] = [];
    for await (const a of store.articles()) {
      ids.push(a.id);
      rows.push(`${a.id} ${a.text}`);
    }
    for (const b of await store.blocks(ids[0]!)) rows.push(`${b.kept} ${b.reason} ${b.text}`);
    await store.close();
    assert.equal(summary.ingested, STORIES.length);
    return rows;
  };
  // A budget of 700 characters keeps the first file (about 500) only: the rest are read again.
  const [kept, partly, reread] = [await stored(undefined), await stored(700), await stored(0)];
  assert.ok(kept.some((r) => r.startsWith('false site-template')), 'the template is dropped');
  assert.deepEqual(partly, kept);
  assert.deepEqual(reread, kept);
});

test('lines are squashed to single spaces whatever whitespace they hold', () => {
  const cases: [string, string][] = [
    ['already one space apart', 'already one space apart'],
    ['  padded\tand\u00a0non-breaking\u2003spaces ', 'padded and non-breaking spaces'],
    ['twin  spaces\u3000and a BOM\ufeff', 'twin spaces and a BOM'],
    [' ', ''],
    ['', ''],
  ];
  for (const [line, want] of cases) assert.equal(squashSpaces(line), want, JSON.stringify(line));
});
