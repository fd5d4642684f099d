// Place gazetteer: country names in every language from i18n-iso-countries, plus variants in text/lang/<code>/places.txt.
import { createRequire } from 'node:module';
import { DEEP_LANGS, langLines } from './langdata.js';
import { foldKey } from './normalize.js';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as {
  registerLocale(data: unknown): void;
  getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
  getName(code: string, lang: string): string | undefined;
};

let gazetteer: Map<string, string> | null = null;
let longest = 1;

/** The key a place name is looked up by: folded, with dots and hyphens as spaces ("U.K." → "u k"). */
export function placeKey(name: string): string {
  return foldKey(name).replace(/[.\-’']/g, ' ').replace(/\s+/g, ' ').trim();
}

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string, id: string): void => {
    const key = placeKey(name);
    if (key.length < 2) return;
    if (!map.has(key)) map.set(key, id);
    longest = Math.max(longest, key.split(' ').length);
  };
  for (const lang of DEEP_LANGS) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) for (const n of names) add(n, code);
  }
  for (const lang of DEEP_LANGS) {
    for (const line of langLines(lang, 'places.txt')) {
      const m = /^(.+?):\s+(.+)$/.exec(line);
      if (m) for (const n of m[2]!.split(',')) add(n.trim(), m[1]!.trim());
    }
  }
  return map;
}

const looked = new Map<string, string | null>();

/** The canonical id of a place name (ISO 3166 code for countries, `city:<name>` for cities), or null. */
export function placeId(name: string): string | null {
  gazetteer ??= build();
  let id = looked.get(name);
  if (id === undefined) {
    // Names recur across articles; the bound keeps a long run's memory flat.
    if (looked.size > 100_000) looked.clear();
    id = gazetteer.get(placeKey(name)) ?? null;
    looked.set(name, id);
  }
  return id;
}

/** The most words a gazetteer name has. */
export function longestPlaceName(): number {
  gazetteer ??= build();
  return longest;
}

/** Adds to `into` the first words of every key of two or more words ("bosnia", "bosnia and", "u s"). */
export function addOpeners(keys: Iterable<string>, into: Set<string>): Set<string> {
  for (const key of keys) for (let j = key.indexOf(' '); j > 0; j = key.indexOf(' ', j + 1)) into.add(key.slice(0, j));
  return into;
}

let openers: Set<string> | null = null;

/** Whether a place key is the first words of a longer country name or variant: only then can a longer match follow. */
export function opensPlaceName(key: string): boolean {
  gazetteer ??= build();
  return (openers ??= addOpeners(gazetteer.keys(), new Set())).has(key);
}

/** placeId of a name already turned into its key. */
export function placeIdOfKey(key: string): string | null {
  gazetteer ??= build();
  return gazetteer.get(key) ?? null;
}

/** The keys of every country name and variant. */
export function placeNameKeys(): IterableIterator<string> {
  gazetteer ??= build();
  return gazetteer.keys();
}

/** The English name of a country code ("GB" → "United Kingdom"), or null. */
export function countryName(code: string): string | null {
  gazetteer ??= build();
  return countries.getName(code, 'en') ?? null;
}
