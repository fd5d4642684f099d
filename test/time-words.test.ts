// The time tagger's word reading: runs found by char codes agree with the Unicode regex they replace, the
// dispatch pre-filter never rules out a word that is in its set, and remembered intervals are handed out as copies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intervalOf } from '../src/analyze/time/calendar.js';
import { WordFilter, wordRuns } from '../src/analyze/time/words.js';

/** Letters with accents, apostrophes, other scripts' digits, astral letters and emoji, a combining accent, lone surrogates. */
const TRICKY = "L'anno 2018, l’été — Straße 3ª ٣٤ 𝐀𝐁c 😀x e\u0301t \ud800a b\udc00 ǅemal İstanbul 1990s '90s";

test('word runs: the same runs as /[\\p{L}\\p{N}]+/gu', () => {
  const runs = wordRuns(TRICKY);
  const expected = [...TRICKY.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => [m.index, m.index + m[0].length]);
  assert.deepEqual(runs.starts.map((s, i) => [s, runs.ends[i]]), expected);
});

test('word filter: every word of the set passes as written, lower-cased or capitalised; others mostly do not', () => {
  const words = ['the', 'à', 'último', 'i̇stanbul', 'jahreshälfte', 'a'];
  const filter = new WordFilter(words.filter((w) => w !== 'i̇stanbul'));
  for (const w of ['the', 'The', 'THE', 'à', 'À', 'último', 'Último', 'Jahreshälfte', 'a', 'A']) {
    assert.ok(filter.mayHold(` ${w} `, 1, w.length + 1), w);
  }
  for (const w of ['that', 'and', 'b', 'jahres']) assert.ok(!filter.mayHold(w, 0, w.length), w);
  // A set word holding the dot that İ lower-cases to lets everything through rather than miss "İstanbul".
  assert.ok(new WordFilter(words).mayHold('İstanbul', 0, 8));
});

test('intervals: a remembered interval is handed out as a copy', () => {
  const first = intervalOf('2018-Q3')!;
  first[0] = 'changed';
  assert.deepEqual(intervalOf('2018-Q3'), ['2018-07-01', '2018-09-30']);
});
