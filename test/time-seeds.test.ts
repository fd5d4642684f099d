// The seed articles' times (../shared/seeds/EXPECTED.md), resolved as listed, and the story timeline in that order.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TimelineEntry } from '../src/model.js';
import { SEEDS, jsonLines, runCli, skipUnlessExists, tempDir } from './helpers.js';

const FILES = ['000_1f298d9b859c463a.txt', '001_497be36c90901019.txt', '002_f4f712fbaee730b4.txt', '003_53214adcda68b458.txt', '004_96a97beebc6364a5.txt'];

interface ExportedStory {
  id: string;
  timeline: (Omit<TimelineEntry, 'citations'> & { citations: { article: string; text: string; span: [number, number] }[] })[];
}

const skip = skipUnlessExists(SEEDS, 'the seed articles (../shared/seeds)');

test('seeds: every listed time resolves as EXPECTED.md says, and the timeline runs in its order', { skip }, () => {
  const db = join(tempDir(), 'seeds.db');
  assert.equal(runCli(['ingest', '--db', db, ...FILES.map((f) => join(SEEDS, f))]).status, 0);
  const [story, ...others] = jsonLines<ExportedStory>(runCli(['export', 'stories', '--db', db]).stdout);
  assert.ok(story && !others.length, 'one story');
  const cited = (file: string, text: string): ExportedStory['timeline'][number] | undefined =>
    story.timeline.find((e) => e.citations.some((c) => c.article.includes(file.slice(0, 3) + '_') && c.text === text));
  const expected: [string, string, string, TimelineEntry['mode'] | null][] = [
    ['000', 'late last year', '2017', 'happened'],
    ['000', 'June 2015', '2015-06', 'happened'],
    ['001', 'May 22', '2018-05-22', 'planned'],
    ['001', 'May 24', '2018-05-24', 'planned'],
    ['004', '26 Maggio', '2018-05-26', 'planned'],
    ['004', 'lo scorso anno', '2017', 'happened'],
    ['001', 'the end of 2018', '2018', 'planned'],
    ['002', 'late 2018 or 2019', '2018/2019', 'planned'],
    ['003', 'next year', '2019', 'planned'],
  ];
  for (const [file, text, value, mode] of expected) {
    const e = cited(file, text);
    assert.ok(e, `${file}: "${text}" is on the timeline`);
    assert.equal(e.value, value, `${file}: "${text}"`);
    if (mode) assert.equal(e.mode, mode, `${file}: "${text}" mode`);
  }
  assert.deepEqual(cited('002', 'late 2018 or 2019')!.interval, ['2018-09-01', '2019-12-31'], 'a range, not a day');
  assert.deepEqual(cited('001', 'the end of 2018')!.interval, [null, '2018-12-31'], 'before the end of 2018');

  // Jun 2015 → Nov 2017 Spain → early May 2018 alliance → 22 May → 24 May → 26 May → late 2018 / 2019.
  const order = [
    cited('000', 'June 2015'),
    cited('001', 'November'),
    story.timeline.find((e) => e.basis === 'publication' && e.value === '2018-05-04'),
    cited('001', 'May 22'),
    cited('001', 'May 24'),
    cited('004', '26 Maggio'),
    cited('002', 'late 2018 or 2019'),
  ];
  assert.ok(order.every(Boolean), 'every step of the expected timeline is there');
  const positions = order.map((e) => story.timeline.indexOf(e!));
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in time order');
  assert.equal(cited('001', 'November')!.value, '2017-11');

  // 003 has no date: "next year, in 2019" puts its publication in 2018, marked inferred; no day is made up.
  const articles = jsonLines<{ id: string; published: string | null; published_inferred: { start: string; end: string; inferred: boolean } | null }>(
    runCli(['export', 'articles', '--db', db]).stdout,
  );
  const a003 = articles.find((a) => a.id.includes('/003_'))!;
  assert.equal(a003.published, null);
  assert.deepEqual([a003.published_inferred?.start, a003.published_inferred?.end, a003.published_inferred?.inferred], ['2018-01-01', '2018-12-31', true]);

  // The CLI view: plans apart from what happened, every line citing an article.
  const md = runCli(['story', story.id, '--timeline', '--db', db]);
  assert.equal(md.status, 0, md.stderr);
  const [happened, planned] = md.stdout.split('## Planned or expected');
  assert.ok(happened!.includes('## What happened') && happened!.includes('2015-06'));
  assert.ok(planned!.includes('2018-05-22') && planned!.includes('"26 Maggio"'));
  const json = JSON.parse(runCli(['story', story.id, '--timeline', '--format', 'json', '--db', db]).stdout) as TimelineEntry[];
  assert.equal(json.length, story.timeline.length);
});

test('storyline time: a text with no date gets its publication year inferred', () => {
  const res = runCli(['time', '--lang', 'it', '--json', "Xiaomi entrerà negli Stati Uniti l'anno prossimo, nel 2019."]);
  assert.equal(res.status, 0, res.stderr);
  const lines = jsonLines<{ text?: string; value?: string; anchorInferred?: boolean; publishedInferred?: { start: string; end: string } }>(res.stdout);
  assert.deepEqual(lines.find((l) => l.text === "l'anno prossimo")?.value, '2019');
  assert.equal(lines.find((l) => l.text === "l'anno prossimo")?.anchorInferred, true);
  assert.deepEqual(lines.at(-1)?.publishedInferred?.start, '2018-01-01');
});
