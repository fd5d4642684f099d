// Temporal expressions: the team-written set per language, TempEval-3 value F1, and calendar intervals.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { intervalOf } from '../src/analyze/time/calendar.js';
import { tagTimes } from '../src/analyze/time/tagger.js';
import { TARGET_VALUE_F1, tempevalDocs } from '../bench/time.js';
import { emptyCounts, scoreDoc, timexScores } from '../bench/timeml.js';
import { describeMiss, scoreTimeSet } from '../bench/timeset.js';
import { SHARED, skipUnlessExists } from './helpers.js';

/** The accuracy the team set reached; a change that loses a case fails here. */
const TIME_SET_FLOOR = 1.0;
const PER_LANGUAGE_MIN = 50;

test('team set: every language has enough cases and all resolve as written', () => {
  const s = scoreTimeSet();
  for (const lang of ['en', 'it', 'de', 'fr', 'es']) assert.ok((s.byLang[lang]?.n ?? 0) >= PER_LANGUAGE_MIN, `${lang}: fewer than ${PER_LANGUAGE_MIN} cases`);
  assert.ok(s.n >= 300);
  assert.ok(s.accuracy >= TIME_SET_FLOOR, `accuracy ${s.accuracy.toFixed(3)}:\n${s.misses.map(describeMiss).join('\n')}`);
});

test('intervals: parts of periods, quarters, seasons, open bounds', () => {
  assert.deepEqual(intervalOf('2018', 'END'), ['2018-09-01', '2018-12-31']);
  assert.deepEqual(intervalOf('2018-05', 'END'), ['2018-05-22', '2018-05-31']);
  assert.deepEqual(intervalOf('2018-Q3'), ['2018-07-01', '2018-09-30']);
  assert.deepEqual(intervalOf('2018-WI'), ['2018-12-01', '2019-02-28']);
  assert.deepEqual(intervalOf('2018-W01'), ['2018-01-01', '2018-01-07']);
  assert.deepEqual(intervalOf('2019', 'BEFORE'), [null, '2018-12-31']);
  assert.equal(intervalOf('P3D'), null);
});

test('an unresolvable date stays unresolved without a publication date', () => {
  const [t] = tagTimes('The shop opens on May 22.', 'en', null);
  assert.equal(t?.value, 'XXXX-05-22');
  assert.equal(t?.interval, null);
});

const TEMPEVAL = join(SHARED, 'bench-data', 'tempeval3');
test('TempEval-3 platinum: value F1 reaches the target', { skip: skipUnlessExists(TEMPEVAL, 'TempEval-3 data') }, () => {
  const counts = emptyCounts();
  for (const d of tempevalDocs(TEMPEVAL)) scoreDoc(counts, d.gold.timexes, tagTimes(d.input.text, 'en', d.input.dct));
  const s = timexScores(counts);
  assert.ok(s.valueF1 >= TARGET_VALUE_F1, `value F1 ${s.valueF1.toFixed(4)}`);
});

test('alternatives in either order make one interval covering both, never inverted', () => {
  const [joined] = tagTimes('Lo stadio aprirà forse a fine maggio o nel terzo trimestre dello scorso anno.', 'it', '2018-08-16', { combine: true })
    .filter((t) => t.parts);
  assert.ok(joined, 'the two dates are joined');
  const [start, end] = joined.interval!;
  assert.ok(start !== null && end !== null && start <= end, JSON.stringify(joined.interval));
});
