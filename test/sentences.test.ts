// Sentences: ICU's segmenter repaired after each language's abbreviations, read in bounded pieces.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WINDOW, splitSentences } from '../src/text/sentences.js';

const sentencesOf = (text: string, lang: string): string[] => splitSentences(text, lang).map((s) => text.slice(s.start, s.end));

test('abbreviations and initials keep a sentence going, in each language; paragraphs never share one', () => {
  assert.deepEqual(sentencesOf('Dr. Smith met J. Doe in Rome. They talked.\nA new paragraph starts here. It ends', 'en'), [
    'Dr. Smith met J. Doe in Rome.', 'They talked.', 'A new paragraph starts here.', 'It ends',
  ]);
  assert.deepEqual(sentencesOf('Il sig. Rossi è arrivato. Poi è partito.', 'it'), ['Il sig. Rossi è arrivato.', 'Poi è partito.']);
  assert.deepEqual(sentencesOf('Das gilt z. B. für Berlin. Dann nicht mehr.', 'de'), ['Das gilt z. B. für Berlin.', 'Dann nicht mehr.']);
  assert.deepEqual(sentencesOf('M. Dupont est venu. Il est reparti.', 'fr'), ['M. Dupont est venu.', 'Il est reparti.']);
  assert.deepEqual(sentencesOf('El Sr. García llegó. Luego se fue.', 'es'), ['El Sr. García llegó.', 'Luego se fue.']);
  assert.deepEqual(sentencesOf('Ends with Dr.\nNext line.', 'en'), ['Ends with Dr.', 'Next line.']);
  assert.deepEqual(splitSentences('', 'en'), []);
});

test('a paragraph far longer than one read window splits as its sentences do one by one', () => {
  // Sentences of uneven lengths, so that the windows end at every kind of place: inside a word, after an abbreviation,
  // between a quotation's full stop and its closing mark.
  const unit = ['Dr. Smith arrived at 3.5 p.m. on Monday.', 'Was it late?', 'Yes!', '«Non.» dit-il.', 'The U.S. team won.', 'Ms. Li, of Beijing, agreed…', 'It rained.'];
  const one = unit.join(' ');
  const alone = sentencesOf(one, 'en');
  const reps = Math.ceil((3 * WINDOW) / one.length) * 7 + 3;
  const long = Array.from({ length: reps }, () => one).join(' ');
  assert.ok(long.length > 3 * WINDOW && !long.includes('\n'));
  assert.deepEqual(sentencesOf(long, 'en'), Array.from({ length: reps }, () => alone).flat());
});

test('a huge single line is read in pieces: every sentence is found', () => {
  const line = 'This line never ends with a line feed. '.repeat(20_000);
  const spans = splitSentences(line, 'en');
  assert.equal(spans.length, 20_000);
  assert.deepEqual(spans[19_999], { start: 39 * 19_999, end: 39 * 20_000 - 1 });
});
