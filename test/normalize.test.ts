// Text keys: the per-character fold must give what folding the whole string by Unicode normalisation gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockLanguages } from '../src/analyze/blocklang.js';
import { tokenInfos } from '../src/analyze/features.js';
import { foldKey, normalizeText } from '../src/text/normalize.js';
import { tokenize } from '../src/text/tokens.js';

/** foldKey's definition: decompose, drop the marks, lower-case, one apostrophe, ß as ss. */
const byDefinition = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’‘`´]/g, "'").replace(/ß/g, 'ss');

test('foldKey agrees with its definition on every Latin and punctuation character and on mixed strings', () => {
  for (let c = 0; c < 0x2100; c++) assert.equal(foldKey(String.fromCharCode(c)), byDefinition(String.fromCharCode(c)), `U+${c.toString(16)}`);
  const samples = ['Zürich', 'ÉTATS-UNIS', 'Straße', 'İstanbul', 'Ça va', 'l’Unione', 'A\u0301B\u0327', 'ΣΟΦΟΣ', 'Ωmega', 'Łódź – Kraków…', 'ﬁnance', '東京 Tokyo', '€ 5,00'];
  for (const s of samples) assert.equal(foldKey(s), byDefinition(s), s);
  // A seeded mix of Latin letters, combining marks, punctuation and other scripts.
  let seed = 7;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  const pools = [[0x41, 0x7a], [0xc0, 0x24f], [0x300, 0x36f], [0x2000, 0x20cf], [0x370, 0x3ff], [0x1e00, 0x1eff]];
  for (let k = 0; k < 20_000; k++) {
    let s = '';
    for (let j = 1 + next(8); j > 0; j--) {
      const [from, to] = pools[next(pools.length)]!;
      s += String.fromCharCode(from! + next(to! - from! + 1));
    }
    assert.equal(foldKey(s), byDefinition(s), JSON.stringify(s));
  }
});

test('normalizeText gives what its replacements give, whether or not the text needs any', () => {
  const byDefinition = (text: string): string =>
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
      .replace(/ +\n/g, '\n');
  const specials = ['\r', '\r\n', '\u200b', '\u200d', '\u2060', '\ufeff', '\u0000', '\u0008', '\u000b', '\u001f', '\u007f', '\u00a0', '\u2000', '\u2009', '\u202f', '\u205f', '\u3000', '\t', ' \n', 'e\u0301'];
  for (const sp of specials) for (const text of [`a${sp}b`, `${sp}x`, `y${sp}`, `line one ${sp}\nline two`]) assert.equal(normalizeText(text), byDefinition(text), JSON.stringify(text));
  const plain = 'Il governo ha approvato la legge.\n\nDie Regierung sprach — „heute“.';
  assert.equal(normalizeText(plain), plain);
});

test('block languages read off the body tokens are those of the blocks read one by one', () => {
  const blocks = [
    { index: 0, text: 'The government passes the budget at night after long talks with the unions', kept: true, kind: 'title' as const },
    { index: 1, text: 'Il governo ha approvato la legge di bilancio nella notte, dopo una lunga trattativa.', kept: true, kind: 'body' as const },
    { index: 2, text: 'Cookie e privacy', kept: false, kind: 'noise' as const },
    { index: 3, text: 'The deal is a good one for the country and for the people who live here, he said.', kept: true, kind: 'body' as const },
    { index: 4, text: 'La opposizione ha annunciato un ricorso alla Corte costituzionale contro la norma.', kept: true, kind: 'body' as const },
  ];
  const text = blocks.filter((b) => b.kept && b.kind !== 'title').map((b) => b.text).join('\n\n');
  const tokens = tokenize(text);
  const body = { text, tokens, stopMasks: tokenInfos(tokens, 'it').map((i) => i.stopMask) };
  const together = blockLanguages(blocks, 'it', body);
  assert.deepEqual(together, blockLanguages(blocks, 'it'));
  assert.deepEqual(together.map((b) => [b.index, b.lang]), [[0, 'en'], [1, 'it'], [3, 'en'], [4, 'it']]);
});
