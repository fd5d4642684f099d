// Linking features: places inside name runs are the longest gazetteer match at each position, in any language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFeatures, tokenInfos } from '../src/analyze/features.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize } from '../src/text/tokens.js';

function features(text: string, lang: string): string[] {
  const tokens = tokenize(text);
  return [...extractFeatures('', text, splitSentences(text, lang), lang, tokens, tokenInfos(tokens, lang)).keys()].filter((f) => /^[PE]:/.test(f)).sort();
}

test('multi-word places match whole, the longest first, and what is left of a run stays a name', () => {
  assert.deepEqual(features('Talks between Bosnia and Herzegovina and Denmark ended.', 'en'), ['P:BA', 'P:DK']);
  assert.deepEqual(features('Il governo del Regno Unito ha parlato con gli Stati Uniti.', 'it'), ['P:GB', 'P:US']);
  assert.deepEqual(features('Officials of the U.S. met Xiaomi executives.', 'en'), ['E:xiaomi', 'P:US']);
  assert.deepEqual(features('Die Regierung von Vereinigtes Königreich Xiaomi sprach.', 'de'), ['P:GB']);
});
