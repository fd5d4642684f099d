// Per-language time words (time/<lang>/lexicon.json), loaded once and turned into lookups and regex alternations.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TIME_DIR = fileURLToPath(new URL('./', import.meta.url));

/** The shape of time/<lang>/lexicon.json. */
export interface LexiconData {
  months: string[][];
  /** Month and weekday names only count when capitalised (English "May" vs the verb "may"). */
  capitalNames: boolean;
  weekdays: string[][];
  weekdaysPlural: string[][];
  seasons: Record<string, string[]>;
  /** Season words that are also common verbs (English "fall"): alone, they count only after one of seasonArticles. */
  seasonWordsNeedingArticle: string[];
  seasonArticles: string[];
  units: Record<string, string[]>;
  yearUnits: string[];
  /** Plural units that stand alone as a vague duration ("for years"). */
  vagueUnits: string[];
  numbers: Record<string, number>;
  vague: string[];
  ordinals: Record<string, number>;
  rel: Record<string, number>;
  /** Relative words written after the unit only (es "que viene"). */
  relAfter: Record<string, number>;
  dayWords: Record<string, number>;
  dayParts: Record<string, string>;
  dayPartWords: Record<string, string>;
  parts: Record<string, string>;
  partLinks: string[];
  boundaries: Record<string, string>;
  refs: Record<string, string>;
  agoAfter: string[];
  agoBefore: string[];
  durationPrefix: string[];
  every: string[];
  setWords: Record<string, string>;
  quarter: string[];
  half: string[];
  /** Single words naming a half year with its ordinal inside (de "Jahreshälfte" needs an ordinal; none here). */
  halfYears: Record<string, number>;
  century: string[];
  decadeWords: string[];
  dateLinks: string[];
  det: string[];
  ordinalSuffix: string;
  /** 'mdy' reads 5/4/2018 as May 4; 'dmy' as 5 April. */
  numericOrder: 'mdy' | 'dmy';
  timeWords: string[];
  timeSuffix: string[];
  rangeLinks: string[];
  clauseBreaks: string[];
  tense: { past: string[]; future: string[] };
  mode: { planned: string[]; hypothetical: string[]; negated: string[] };
}

const keys = new Map<string, string>();
/** Remembered keys; cleared when it grows past this. */
const KEYS_LIMIT = 50_000;

/** A word key as looked up: lower case, one space, straight apostrophes; remembered, as the same words recur. */
export function wordKey(s: string): string {
  let k = keys.get(s);
  if (k === undefined) {
    k = s.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').replace(/\.$/, '').trim();
    if (keys.size > KEYS_LIMIT) keys.clear();
    keys.set(s, k);
  }
  return k;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex alternation of words, longest first; spaces match any whitespace, apostrophes either form. */
export function alternation(words: Iterable<string>, dotted = false): string {
  const list = [...new Set([...words].map((w) => w.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim()))].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!list.length) return '(?!)';
  // Abbreviations (short words) may carry a full stop: "Feb.", "Sept.".
  const dot = (w: string): string => (dotted && w.length <= 4 ? '\\.?' : '');
  return `(?:${list.map((w) => escapeRe(w).replace(/ /g, '\\s+').replace(/'/g, "['’]") + dot(w)).join('|')})`;
}

function indexed(lists: string[][]): Map<string, number> {
  const map = new Map<string, number>();
  lists.forEach((names, i) => names.forEach((n) => map.set(wordKey(n), i + 1)));
  return map;
}

function keyed<T>(record: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(record).map(([k, v]) => [wordKey(k), v]));
}

/** Lookups from a matched word to its meaning. */
export interface Lexicon {
  lang: string;
  data: LexiconData;
  month: Map<string, number>;
  weekday: Map<string, number>;
  season: Map<string, string>;
  unit: Map<string, string>;
  number: Map<string, number>;
  vague: Set<string>;
  vagueUnit: Set<string>;
  weekdayPlural: Set<string>;
  half: Set<string>;
  yearUnit: Set<string>;
  seasonNeedingArticle: Set<string>;
  ordinal: Map<string, number>;
  rel: Map<string, number>;
  dayWord: Map<string, number>;
  dayPart: Map<string, string>;
  part: Map<string, string>;
  boundary: Map<string, string>;
  ref: Map<string, string>;
  setWord: Map<string, string>;
}

function invert<T>(record: Record<string, string[]>, map: (k: string) => T): Map<string, T> {
  const out = new Map<string, T>();
  for (const [k, words] of Object.entries(record)) for (const w of words) out.set(wordKey(w), map(k));
  return out;
}

function buildLexicon(lang: string, data: LexiconData): Lexicon {
  return {
    lang,
    data,
    month: indexed(data.months),
    weekday: new Map([...indexed(data.weekdays), ...indexed(data.weekdaysPlural)]),
    season: invert(data.seasons, (k) => k),
    unit: invert(data.units, (k) => k),
    number: keyed(data.numbers),
    vague: new Set(data.vague.map(wordKey)),
    vagueUnit: new Set(data.vagueUnits.map(wordKey)),
    weekdayPlural: new Set(data.weekdaysPlural.flat().map(wordKey)),
    half: new Set(data.half.map(wordKey)),
    yearUnit: new Set(data.yearUnits.map(wordKey)),
    seasonNeedingArticle: new Set(data.seasonWordsNeedingArticle.map(wordKey)),
    ordinal: keyed(data.ordinals),
    rel: new Map([...keyed(data.rel), ...keyed(data.relAfter)]),
    dayWord: keyed(data.dayWords),
    dayPart: new Map([...keyed(data.dayParts), ...keyed(data.dayPartWords)]),
    part: keyed(data.parts),
    boundary: keyed(data.boundaries),
    ref: keyed(data.refs),
    setWord: keyed(data.setWords),
  };
}

const cache = new Map<string, Lexicon | null>();

/** The time lexicon of a language, or null when the language has none. */
export function timeLexicon(lang: string): Lexicon | null {
  if (!cache.has(lang)) {
    const path = `${TIME_DIR}${lang}/lexicon.json`;
    cache.set(lang, /^[a-z]{2,3}$/.test(lang) && existsSync(path) ? buildLexicon(lang, JSON.parse(readFileSync(path, 'utf8')) as LexiconData) : null);
  }
  return cache.get(lang)!;
}
