// Stop words (stopwords-iso) and stemmers (Snowball) per language, loaded once.
import { createRequire } from 'node:module';

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

/** A stemming function for the language, or identity when Snowball has none. */
export function stemmer(lang: string): (word: string) => string {
  let fn = stemmers.get(lang);
  if (fn === undefined) {
    const name = SNOWBALL_NAMES[lang];
    fn = name ? ((s) => (w: string) => s.stem(w))(snowball.newStemmer(name)) : null;
    stemmers.set(lang, fn);
  }
  return fn ?? ((w) => w);
}
