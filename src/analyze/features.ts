// Features an article is compared by: names, places, concepts, numbers and years (language-independent), word stems.
import type { FeatureCounts, Span } from '../model.js';
import { findConcepts, wordConcept, type WordConcept } from '../text/concepts.js';
import { stemmer, stopwordLanguages, stopwords } from '../text/lexicon.js';
import { foldKey, foldWord } from '../text/normalize.js';
import { longestPlaceName, opensPlaceName, placeIdOfKey, placeKey } from '../text/places.js';
import { boundedMemo } from '../text/memo.js';
import { wordHash } from '../link/minhash.js';
import type { TokenInfo as TaggerTokenInfo } from './entities/tagger.js';
import { isCapitalized, tokenize, type Token } from '../text/tokens.js';

// Lower-case words allowed inside a name ("Notre-Dame de Paris", "Banca d'Italia", "Bank of England").
const NAME_CONNECTORS = new Set(['de', 'di', 'da', 'del', 'della', 'dei', 'von', 'van', 'der', 'den', 'du', 'des', 'la', 'le', 'of', 'y', 'e', 'and', '&']);

function add(counts: Map<string, number>, key: string, n = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** Name key: folded, possessive removed ("Xiaomi's" → "xiaomi"). */
export function nameKey(name: string): string {
  return foldKey(name).replace(/['’]s$/, '').replace(/[.]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Runs of capitalised tokens (as token indices), with connectors inside; a sentence's first word counts only when seen
 * capitalised elsewhere.
 */
function nameSpans(tokens: Token[], infos: TokenInfo[], sentenceStarts: Set<number>, midSentenceCaps: Set<string>, lang: string): number[][] {
  const stop = stopwords(lang);
  const runs: number[][] = [];
  let run: number[] = [];
  const close = (): void => {
    while (run.length && NAME_CONNECTORS.has(infos[run[run.length - 1]!]!.lower)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  tokens.forEach((t, k) => {
    const { lower, nameWord, digit } = infos[k]!;
    const initial = sentenceStarts.has(t.start);
    if (nameWord && !(initial && (stop.has(lower) || !midSentenceCaps.has(lower)))) run.push(k);
    else if (run.length && NAME_CONNECTORS.has(lower) && !initial) run.push(k);
    else close();
    if (digit) close();
  });
  close();
  return runs;
}

function numberKey(token: string, lang: string): string | null {
  if (!/^\d/.test(token)) return null;
  // English writes 1,000.5; the other languages 1.000,5.
  const plain = lang === 'en' ? token.replace(/,(?=\d{3}\b)/g, '') : token.replace(/\.(?=\d{3}\b)/g, '').replace(',', '.');
  const value = Number(plain);
  if (!Number.isFinite(value) || value < 10) return null;
  if (Number.isInteger(value) && value >= 1900 && value <= 2100) return `Y:${value}`;
  return `N:${value}`;
}

/**
 * Places inside a name run: the longest gazetteer match at each position. The key of several tokens is their keys
 * joined (placeKey works letter by letter), and grows only while it opens a longer place name.
 */
function placesIn(run: Token[], keys: string[]): { ids: string[]; rest: Token[] } {
  const ids: string[] = [];
  const rest: Token[] = [];
  const maxLen = longestPlaceName();
  for (let i = 0; i < run.length; ) {
    let matched = 0;
    let matchedId: string | null = null;
    let key = '';
    for (let len = 1; len <= Math.min(maxLen, run.length - i); len++) {
      const next = keys[i + len - 1]!;
      key = key && next ? `${key} ${next}` : key || next;
      const id = placeIdOfKey(key);
      if (id) [matched, matchedId] = [len, id];
      if (key && !opensPlaceName(key)) break;
    }
    if (matched) {
      ids.push(matchedId!);
      i += matched;
    } else rest.push(run[i++]!);
  }
  return { ids, rest };
}

export interface TokenInfo extends WordConcept {
  lower: string;
  folded: string;
  /** foldWord of the token as written, which the fingerprints hash. */
  foldedText: string;
  /** wordHash of foldedText, which the MinHash shingles mix. */
  foldedHash: number;
  capital: boolean;
  /** Capitalised, and more than a lone capital or a capital and one small letter: may be part of a name. */
  nameWord: boolean;
  /** Starts with a digit: ends a name run. */
  digit: boolean;
  /** The token's one feature: a number or year key, else its W: stem key; null for stop words and short words. */
  feature: string | null;
  /** The analysed languages the token is a stop word of, as bits (stopwordLanguages). */
  stopMask: number;
  /** placeKey of the token as written, for the place names inside name runs. */
  placeKey: string;
  /** The entity tagger's info of the token, kept here once the tagger has asked (see bodyInfoReader in entities/mentions.ts). */
  tagger?: TaggerTokenInfo;
}

/** What features need of a token as written. */
function computeTokenInfo(text: string, lang: string): TokenInfo {
  const lower = text.toLowerCase();
  const skip = lower.length < 3 || stopwords(lang).has(lower) || /\d/.test(lower);
  const folded = foldWord(lower);
  const capital = isCapitalized(text);
  const foldedText = foldWord(text);
  return {
    lower,
    folded,
    foldedText,
    foldedHash: wordHash(foldedText),
    capital,
    nameWord: capital && !/^\p{Lu}[\p{Ll}]?$/u.test(text),
    digit: /^\d/.test(text),
    feature: numberKey(text, lang) ?? (skip ? null : `W:${lang}:${foldKey(stemmer(lang)(lower))}`),
    stopMask: stopwordLanguages(lower),
    placeKey: placeKey(text),
    ...wordConcept(folded, lang),
  };
}

const infoMemos = new Map<string, (text: string) => TokenInfo>();

/** computeTokenInfo remembered per language: the same words recur in every article. */
function tokenInfoMemo(lang: string): (text: string) => TokenInfo {
  let memo = infoMemos.get(lang);
  if (!memo) infoMemos.set(lang, (memo = boundedMemo((t) => computeTokenInfo(t, lang), 200_000)));
  return memo;
}

/** What features need of each token, in a text of the language. */
export function tokenInfos(tokens: Token[], lang: string): TokenInfo[] {
  const info = tokenInfoMemo(lang);
  return tokens.map((t) => info(t.text));
}

/** Feature counts of a text whose sentences, tokens and token infos are known. Title features count twice. */
export function extractFeatures(title: string, text: string, sentences: Span[], lang: string, textTokens: Token[], textInfos: TokenInfo[]): FeatureCounts {
  const counts = new Map<string, number>();
  const stop = stopwords(lang);
  const sources: { text: string; starts: Set<number>; weight: number }[] = [
    { text: title, starts: new Set([0]), weight: 2 },
    { text, starts: new Set(sentences.map((s) => s.start)), weight: 1 },
  ];
  const allTokens = [tokenize(title), textTokens];
  const allInfos = [tokenInfos(allTokens[0]!, lang), textInfos];
  const midCaps = new Set<string>();
  sources.forEach((s, i) => {
    allTokens[i]!.forEach((t, k) => {
      if (!s.starts.has(t.start) && allInfos[i]![k]!.capital) midCaps.add(allInfos[i]![k]!.lower);
    });
  });
  sources.forEach((s, i) => {
    const tokens = allTokens[i]!;
    const infos = allInfos[i]!;
    for (const indices of nameSpans(tokens, infos, s.starts, midCaps, lang)) {
      const run = indices.map((k) => tokens[k]!);
      const { ids, rest } = placesIn(run, indices.map((k) => infos[k]!.placeKey));
      for (const id of ids) add(counts, `P:${id}`, s.weight);
      // What is left of a run after its places is a name only if it is contiguous and not all connectors.
      if (rest.length && rest.length === run.length) add(counts, `E:${nameKey(run.map((t) => t.text).join(' '))}`, s.weight);
      else if (rest.length === 1 && !stop.has(rest[0]!.text.toLowerCase())) add(counts, `E:${nameKey(rest[0]!.text)}`, s.weight);
    }
    for (const id of findConcepts(infos.map((i) => i.folded), infos)) add(counts, `K:${id}`, s.weight);
    for (const info of infos) if (info.feature) add(counts, info.feature, s.weight);
  });
  return counts;
}
