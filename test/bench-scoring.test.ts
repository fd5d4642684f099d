// The scoring rules of the dates and boilerplate benchmarks, on small hand-made cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropFigures, emptyScore, readLabelledPage, scorePage } from '../bench/boilerplate.js';
import { scoreDate, type DateScore } from '../bench/dates.js';
import { seedDropLabels } from '../bench/seeds-expected.js';

test('dates are scored as htmldate scores them', () => {
  const s: DateScore = { tp: 0, fp: 0, fn: 0, tn: 0 };
  scoreDate(s, '2020-01-02', '2020-01-02');
  scoreDate(s, '2020-01-02', '2020-01-03');
  scoreDate(s, '2020-01-02', null);
  scoreDate(s, null, null);
  scoreDate(s, null, '2020-01-02');
  assert.deepEqual(s, { tp: 1, fp: 2, fn: 1, tn: 1 });
});

test('labelled pages: + keeps, - drops, unlabelled lines are an error', () => {
  const page = readLabelledPage('x', '- Skip to main content\n+ Ferry service resumes\n\n+ The ferry company restarted its service to the islands on Monday after a two-week stoppage.\n- © 2024 Harbour Ledger. All rights reserved.\n');
  assert.deepEqual(page.drop, [true, false, false, true]);
  assert.throws(() => readLabelledPage('y', 'no label here\n'), /without a \+ or - label/);
  const score = emptyScore();
  scorePage(score, page);
  assert.deepEqual([score.tp, score.fp, score.fn, score.sentencesLost], [2, 0, 0, 0]);
  assert.equal(dropFigures(score).f1, 1);
});

test('seed labels: listed lines, repeated headline copies and the comment thread are boilerplate', () => {
  const lines = ['Skip to main content', 'Get ready, USA: Xiaomi smartphones could come this year', 'Get ready, USA: Xiaomi smartphones could come this year', 'Xiaomi has big plans.', '1. vasta', 'A comment.'];
  assert.deepEqual(seedDropLabels(lines), [true, false, true, false, true, true]);
});
