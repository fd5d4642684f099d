// Language identification: the short prefix handed to eld must read exactly as the whole text does.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eld } from 'eld/medium';
import { eldSample } from '../src/text/langid.js';

const DEMO = fileURLToPath(new URL('../../demo/corpus/', import.meta.url));

/** What eld makes of a text: its guess and every language's score. */
const reading = (text: string): string => {
  const r = eld.detect(text);
  return JSON.stringify([r.language, r.getScores(), r.isReliable()]);
};

function demoTexts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return demoTexts(path);
    return /\.(txt|html|jsonl)$/.test(e.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

test('eld reads the same from eldSample as from the whole text', () => {
  const texts = demoTexts(DEMO).flatMap((t) => [t, ...t.split(/\n\s*\n/)]);
  assert.ok(texts.length > 100);
  // Seeded mixes: words of several scripts, runs of digits and punctuation, apostrophes, astral signs, final sigma, dotted I.
  let seed = 11;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  const pieces = ['the', 'governo', 'Straße', 'ÉTATS', 'Σοφός', 'ΟΔΟΣ', 'İstanbul', 'Москва', '東京', 'don’t', "l'Unione", 'x', '2018-05-04', ' ', '  ', ', ', '…', ' -- ', '\n\n', '😀', '𝐀𝐁', '\'', '`', '123abc'];
  for (let k = 0; k < 3_000; k++) {
    let s = '';
    for (let j = 50 + next(400); j > 0; j--) s += pieces[next(pieces.length)];
    texts.push(s);
  }
  for (const text of texts) assert.equal(reading(eldSample(text)), reading(text), JSON.stringify(text.slice(0, 80)));
});
