// Features an article is compared by: names, places, concepts, numbers and years (language-independent), word stems.
import type { FeatureCounts, Span } from '../model.js';
import { findConcepts, wordConcept, type WordConcept } from '../text/concepts.js';
import { stemmer, stopwords } from '../text/lexicon.js';
import { foldKey, foldWord } from '../text/normalize.js';
import { longestPlaceName, placeId } from '../text/places.js';
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

/** Runs of capitalised tokens, with connectors inside; a sentence's first word counts only when seen capitalised elsewhere. */
export function nameSpans(tokens: Token[], sentenceStarts: Set<number>, midSentenceCaps: Set<string>, lang: string): Token[][] {
  const stop = stopwords(lang);
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = (): void => {
    while (run.length && NAME_CONNECTORS.has(run[run.length - 1]!.text.toLowerCase())) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const t of tokens) {
    const lower = t.text.toLowerCase();
    const cap = isCapitalized(t.text) && !/^\p{Lu}[\p{Ll}]?$/u.test(t.text);
    const initial = sentenceStarts.has(t.start);
    if (cap && !(initial && (stop.has(lower) || !midSentenceCaps.has(lower)))) run.push(t);
    else if (run.length && NAME_CONNECTORS.has(lower) && !initial) run.push(t);
    else close();
    if (/^\d/.test(t.text)) close();
  }
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

/** Places inside a name run: the longest gazetteer match at each position. */
function placesIn(run: Token[]): { ids: string[]; rest: Token[] } {
  const ids: string[] = [];
  const rest: Token[] = [];
  const maxLen = longestPlaceName();
  const texts = run.map((t) => t.text);
  for (let i = 0; i < run.length; ) {
    let matched = 0;
    for (let len = Math.min(maxLen, run.length - i); len >= 1; len--) {
      const id = placeId(len === 1 ? texts[i]! : texts.slice(i, i + len).join(' '));
      if (id) {
        ids.push(id);
        matched = len;
        break;
      }
    }
    if (matched) i += matched;
    else rest.push(run[i++]!);
  }
  return { ids, rest };
}

interface WordInfo extends WordConcept {
  folded: string;
  /** The W: feature of the word, or null for stop words, short words and numbers. */
  stemKey: string | null;
}

const WORD_CACHE_SIZE = 200_000;
const wordCaches = new Map<string, Map<string, WordInfo>>();

/** Folded form and stem feature of a lower-cased word, remembered per language (the same words recur in every article). */
function wordInfo(lower: string, lang: string): WordInfo {
  let cache = wordCaches.get(lang);
  if (!cache || cache.size >= WORD_CACHE_SIZE) wordCaches.set(lang, (cache = new Map()));
  let info = cache.get(lower);
  if (!info) {
    const skip = lower.length < 3 || stopwords(lang).has(lower) || /\d/.test(lower);
    const folded = foldWord(lower);
    info = { folded, stemKey: skip ? null : `W:${lang}:${foldKey(stemmer(lang)(lower))}`, ...wordConcept(folded, lang) };
    cache.set(lower, info);
  }
  return info;
}

/** Feature counts of a text whose sentences are known. Title features count twice. */
export function extractFeatures(title: string, text: string, sentences: Span[], lang: string): FeatureCounts {
  const counts = new Map<string, number>();
  const stop = stopwords(lang);
  const sources: { text: string; starts: Set<number>; weight: number }[] = [
    { text: title, starts: new Set([0]), weight: 2 },
    { text, starts: new Set(sentences.map((s) => s.start)), weight: 1 },
  ];
  const allTokens = sources.map((s) => tokenize(s.text));
  const midCaps = new Set<string>();
  sources.forEach((s, i) => {
    for (const t of allTokens[i]!) if (!s.starts.has(t.start) && isCapitalized(t.text)) midCaps.add(t.text.toLowerCase());
  });
  sources.forEach((s, i) => {
    const tokens = allTokens[i]!;
    for (const run of nameSpans(tokens, s.starts, midCaps, lang)) {
      const { ids, rest } = placesIn(run);
      for (const id of ids) add(counts, `P:${id}`, s.weight);
      // What is left of a run after its places is a name only if it is contiguous and not all connectors.
      if (rest.length && rest.length === run.length) add(counts, `E:${nameKey(run.map((t) => t.text).join(' '))}`, s.weight);
      else if (rest.length === 1 && !stop.has(rest[0]!.text.toLowerCase())) add(counts, `E:${nameKey(rest[0]!.text)}`, s.weight);
    }
    const infos = tokens.map((t) => wordInfo(t.text.toLowerCase(), lang));
    for (const id of findConcepts(infos.map((i) => i.folded), infos, lang)) add(counts, `K:${id}`, s.weight);
    tokens.forEach((t, k) => {
      const num = numberKey(t.text, lang);
      if (num) add(counts, num, s.weight);
      else if (infos[k]!.stemKey) add(counts, infos[k]!.stemKey!, s.weight);
    });
  });
  return counts;
}
