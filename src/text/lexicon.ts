// Stop words (stopwords-iso) and stemmers (Snowball) per language, loaded once.
import { createRequire } from 'node:module';
import { DEEP_LANGS } from './langdata.js';
import { boundedMemo } from './memo.js';

const require = createRequire(import.meta.url);
const stopwordsIso = require('stopwords-iso') as Record<string, string[]>;
const snowball = require('snowball-stemmers') as {
  algorithms(): string[];
  newStemmer(name: string): { stem(word: string): string };
};

const SNOWBALL_NAMES: Record<string, string> = {
  en: 'english', it: 'italian', de: 'german', fr: 'french', es: 'spanish', pt: 'portuguese', nl: 'dutch',
  sv: 'swedish', da: 'danish', fi: 'finnish', hu: 'hungarian', ro: 'romanian', ru: 'russian', cs: 'czech',
  no: 'norwegian', ga: 'irish', ca: 'catalan', tr: 'turkish', sl: 'slovene',
};

const stopSets = new Map<string, Set<string>>();
const stemmers = new Map<string, ((w: string) => string) | null>();

export function stopwords(lang: string): Set<string> {
  let set = stopSets.get(lang);
  if (!set) {
    set = new Set((stopwordsIso[lang] ?? []).map((w) => w.toLowerCase()));
    stopSets.set(lang, set);
  }
  return set;
}

let union: Set<string> | null = null;

/** Stop words of every language analysed in depth, for steps that run before the language is known. */
export function allStopwords(): Set<string> {
  union ??= new Set(DEEP_LANGS.flatMap((l) => [...stopwords(l)]));
  return union;
}

let stopLanguages: Map<string, number> | null = null;

/** The deep languages a lower-case word is a stop word of, as a bit mask over DEEP_LANGS (one lookup per word). */
export function stopwordLanguages(lower: string): number {
  if (!stopLanguages) {
    stopLanguages = new Map();
    DEEP_LANGS.forEach((lang, bit) => {
      for (const w of stopwords(lang)) stopLanguages!.set(w, (stopLanguages!.get(w) ?? 0) | (1 << bit));
    });
  }
  return stopLanguages.get(lower) ?? 0;
}

/** Words remembered per language: news vocabulary is Zipfian, so most lookups hit. */
const cachedStemmer = (stem: (w: string) => string): ((w: string) => string) => boundedMemo(stem, 100_000);

/** A stemming function for the language, or identity when Snowball has none. */
export function stemmer(lang: string): (word: string) => string {
  let fn = stemmers.get(lang);
  if (fn === undefined) {
    const name = SNOWBALL_NAMES[lang];
    fn = name ? ((s) => cachedStemmer((w: string) => s.stem(w)))(snowball.newStemmer(name)) : null;
    stemmers.set(lang, fn);
  }
  return fn ?? ((w) => w);
}
