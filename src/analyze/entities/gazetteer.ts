// Name lists the tagger consults: countries and their variants (text/places.ts), cities, first names and surnames,
// drawn from npm packages by the training script into gazetteer.json (see docs/entities.md), so ingest never
// parses the large source packages; and the words that mark organisation and place names, per language
// (text/lang/<code>/org-words.txt, place-words.txt).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEEP_LANGS, langLines } from '../../text/langdata.js';
import { addOpeners, placeId, placeKey, placeNameKeys } from '../../text/places.js';
import { isUpperCase } from './nertokens.js';

export const GAZETTEER_FILE = fileURLToPath(new URL('./gazetteer.json', import.meta.url));

export interface GazetteerData {
  /** Where the lists came from, with licences. */
  sources: string[];
  cities: string[];
  firstNames: string[];
  surnames: string[];
  /** Lower-cased nationality words ("italian", "français"): MISC, not places. */
  demonyms: string[];
}

interface Lists {
  cities: Set<string>;
  firstNames: Set<string>;
  surnames: Set<string>;
  demonyms: Set<string>;
}

let lists: Lists | null = null;

function load(): Lists {
  const data = JSON.parse(readFileSync(GAZETTEER_FILE, 'utf8')) as GazetteerData;
  const lower = (names: string[]): Set<string> => new Set(names.map((n) => n.toLowerCase()));
  return { cities: new Set(data.cities.map(placeKey)), firstNames: lower(data.firstNames), surnames: lower(data.surnames), demonyms: new Set(data.demonyms) };
}

/** The longest place name the tagger looks for, in tokens. */
const MAX_WORDS = 4;

type PlaceKind = 'country' | 'city' | null;

/** A name's place code, as bits: a country, a city, and whether its key opens a longer place name. */
const COUNTRY = 1;
const CITY = 2;
const OPENS = 4;

let openers: Set<string> | null = null;

/** The leading words of every place name of two or more words, as keys ("bosnia", "bosnia and", "u s"). */
function openerKeys(lists: Lists): Set<string> {
  if (!openers) {
    openers = addOpeners(lists.cities.values(), addOpeners(placeNameKeys(), new Set()));
  }
  return openers;
}

/** A name's place code, worked out afresh (the tagger keeps one-word codes in its token records). */
export function computePlaceCode(name: string): number {
  lists ??= load();
  const id = placeId(name);
  const key = placeKey(name);
  const code = id ? (id.startsWith('city:') ? CITY : COUNTRY) : lists.cities.has(key) ? CITY : 0;
  return openerKeys(lists).has(key) ? code | OPENS : code;
}

const codes = new Map<string, number>();

function placeCode(name: string): number {
  let code = codes.get(name);
  if (code === undefined) {
    // Names recur across articles; the bound keeps a long run's memory flat.
    if (codes.size > 100_000) codes.clear();
    codes.set(name, (code = computePlaceCode(name)));
  }
  return code;
}

/** What kind of place a name is: 'country' (or a known variant), 'city', or null. */
export function placeKind(name: string): PlaceKind {
  return kindOfCode(placeCode(name));
}

function kindOfCode(code: number): PlaceKind {
  return code & COUNTRY ? 'country' : code & CITY ? 'city' : null;
}

export function isFirstName(word: string): boolean {
  lists ??= load();
  return lists.firstNames.has(word.toLowerCase());
}

export function isSurname(word: string): boolean {
  lists ??= load();
  return lists.surnames.has(word.toLowerCase());
}

export function isDemonym(lower: string): boolean {
  lists ??= load();
  return lists.demonyms.has(lower);
}

let cues: { org: Set<string>; loc: Set<string> } | null = null;

/** A cue word as written and, when written lower-case, capitalised (it may open a sentence). */
const cueForms = (w: string): string[] => (/^\p{Ll}/u.test(w) ? [w, w[0]!.toUpperCase() + w.slice(1)] : [w]);

/**
 * Whether a word marks an organisation's name ("Università", "GmbH") or a place's ("fiume", "Lake"). Case counts:
 * the lists of all languages are merged, and German "See" must not make English "see" a cue.
 */
export function wordCues(word: string): { org: boolean; loc: boolean } {
  const words = (file: string): Set<string> => new Set(DEEP_LANGS.flatMap((l) => langLines(l, file)).flatMap(cueForms));
  cues ??= { org: words('org-words.txt'), loc: words('place-words.txt') };
  return { org: cues.org.has(word), loc: cues.loc.has(word) };
}

/** The function-word classes, in the order of their bits in wordClasses' mask. */
export const WORD_CLASSES = ['conj', 'of', 'at', 'art', 'title'] as const;

let classes: Map<string, number> | null = null;

function loadClasses(): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of DEEP_LANGS.flatMap((l) => langLines(l, 'word-classes.txt'))) {
    const [name = '', words = ''] = line.split(/:\s*/, 2);
    const bit = 1 << (WORD_CLASSES as readonly string[]).indexOf(name.trim());
    for (const w of words.split(',')) map.set(w.trim(), (map.get(w.trim()) ?? 0) | bit);
  }
  return map;
}

/** The classes of a lower-cased function word as a bit mask ("a" is an article in English, a preposition in Italian). */
export function wordClasses(lower: string): number {
  classes ??= loadClasses();
  return classes.get(lower) ?? 0;
}

/** Whether a token starts with an upper-case letter (tested without a regex). */
export function startsUpper(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : t.length > 0 && isUpperCase(t.codePointAt(0)!);
}

/** Short lower-case words that join the words of a place name ("Bosnia and Herzegovina", "Stati Uniti d'America"). */
const joinsName = (t: string): boolean => t.length <= 4 && !startsUpper(t);

/** The most words a place name starting at token i can have: capitalised words, possibly joined by short ones. */
function nameReach(tokens: string[], i: number): number {
  let len = 1;
  while (len < MAX_WORDS && i + len < tokens.length && (startsUpper(tokens[i + len]!) || joinsName(tokens[i + len]!))) len++;
  return len;
}

/** Place marks: a token's place in a known name (first or later word) and the name's kind. */
const MARKS = { country: [1, 2], city: [3, 4] } as const;

/**
 * Per token: 0, or the mark of the longest place name starting at a capitalised token that covers it. The name grows
 * one token at a time while what it holds so far opens a longer place name: no join is built past a dead end.
 * `tokenCode` gives a single token's code (the tagger reads it off the token record it fetches anyway).
 */
export function placeMarks(tokens: string[], tokenCode: (i: number) => number = (i) => placeCode(tokens[i]!)): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    let matchedKind: PlaceKind = null;
    if (startsUpper(tokens[i]!)) {
      const reach = nameReach(tokens, i);
      let name = tokens[i]!;
      for (let len = 1; len <= reach; len++) {
        if (len > 1) name += ` ${tokens[i + len - 1]!}`;
        const code = len === 1 ? tokenCode(i) : placeCode(name);
        const kind = kindOfCode(code);
        if (kind && startsUpper(tokens[i + len - 1]!)) {
          matched = len;
          matchedKind = kind;
        }
        if (!(code & OPENS)) break;
      }
    }
    if (matchedKind) for (let k = 0; k < matched; k++) marks[i + k] = MARKS[matchedKind][k === 0 ? 0 : 1];
    i += matched || 1;
  }
  return marks;
}
