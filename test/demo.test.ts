// The bundled demo: it runs from a fresh database, and what it finds matches the team's answer key.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readGold, scoreDemo, matchGold, type AssignmentLine } from '../bench/demo-gold.js';
import { DEMO_GOLD, jsonLines, runCli, tempDir } from './helpers.js';

const dir = tempDir();
const db = join(dir, 'demo.db');
const demo = runCli(['demo', '--db', db]);
const lines = jsonLines<AssignmentLine>(runCli(['export', 'assignments', '--db', db]).stdout);
const gold = readGold(DEMO_GOLD);

test('demo prints the summary, languages, clusters, largest stories and the database path', () => {
  assert.equal(demo.status, 0, demo.stderr);
  for (const piece of [/ingested \d+ articles/, /languages +en \d+/, /\d+ events in \d+ stories/, /Largest stories:/, /Database: .*demo\.db/]) assert.match(demo.stdout, piece);
});

test('demo corpus: at least 60 articles, 8 stories, 6 per language, every gold article exported', () => {
  assert.ok(gold.length >= 60);
  assert.ok(new Set(gold.map((g) => g.story)).size >= 8);
  for (const lang of ['en', 'it', 'de', 'fr', 'es']) assert.ok(gold.filter((g) => g.lang === lang).length >= 6, lang);
  assert.equal(matchGold(gold, lines).size, gold.length);
});

test('demo: languages as labelled, and dates where the input gives one', () => {
  for (const [g, l] of matchGold(gold, lines)) {
    assert.equal(l.lang, g.lang, g.id);
    if (l.published !== null) assert.equal(l.published, g.published, g.id);
  }
});

test('demo: story clustering against the answer key (B-cubed F1 ≥ 0.9, precision ≥ 0.95)', () => {
  const score = scoreDemo(gold, lines);
  console.log(`# demo clustering: ${JSON.stringify(score)}`);
  assert.ok(score.stories.f1 >= 0.9, JSON.stringify(score.stories));
  assert.ok(score.stories.precision >= 0.95, JSON.stringify(score.stories));
  assert.ok(score.events.f1 >= 0.7, JSON.stringify(score.events));
});

test('demo: one company in three stories (listing, launch, partnership) is never merged', () => {
  const matched = matchGold(gold, lines);
  const storiesOf = (slug: string): Set<string> => new Set([...matched].filter(([g]) => g.story === slug).map(([, l]) => l.story));
  const listing = storiesOf('ferrari-nyse-listing-2015');
  const launch = storiesOf('ferrari-purosangue-launch-2022');
  const partnership = storiesOf('ferrari-hp-partnership-2024');
  for (const [a, b] of [[listing, launch], [listing, partnership], [launch, partnership]] as const) {
    assert.equal([...a].filter((s) => b.has(s)).length, 0, 'two Ferrari stories share a cluster');
  }
});

test('demo: syndicated wire copies are found and share their event', () => {
  const matched = matchGold(gold, lines);
  const copies = [...matched].filter(([g]) => g.syndicated_from);
  assert.ok(copies.length >= 2);
  for (const [g, l] of copies) {
    const original = [...matched].find(([o]) => o.id === g.syndicated_from)![1];
    assert.ok(l.syndicated_with.includes(original.id) || l.duplicate_of === original.id, `${g.id} is a copy of ${g.syndicated_from}`);
    assert.equal(l.event, original.event);
  }
});
