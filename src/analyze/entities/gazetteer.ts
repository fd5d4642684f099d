// Name lists the tagger consults: countries and their variants (text/places.ts), cities of at least 15,000 people
// and English first names. Cities and first names are drawn from npm packages by the training script into
// gazetteer.json (see docs/entities.md), so ingest never parses the large source packages.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { placeId, placeKey } from '../../text/places.js';

export const GAZETTEER_FILE = fileURLToPath(new URL('./gazetteer.json', import.meta.url));

export interface GazetteerData {
  /** Where the lists came from, with licences. */
  sources: string[];
  cities: string[];
  firstNames: string[];
}

interface Lists {
  cities: Set<string>;
  firstNames: Set<string>;
}

let lists: Lists | null = null;

function load(): Lists {
  const data = JSON.parse(readFileSync(GAZETTEER_FILE, 'utf8')) as GazetteerData;
  return { cities: new Set(data.cities.map(placeKey)), firstNames: new Set(data.firstNames.map((n) => n.toLowerCase())) };
}

/** The longest place name the tagger looks for, in tokens. */
const MAX_WORDS = 4;

type PlaceKind = 'country' | 'city' | null;

const kinds = new Map<string, PlaceKind>();

/** What kind of place a name is: 'country' (or a known variant), 'city', or null. */
export function placeKind(name: string): PlaceKind {
  let kind = kinds.get(name);
  if (kind === undefined) {
    lists ??= load();
    // Names recur across articles; the bound keeps a long run's memory flat.
    if (kinds.size > 100_000) kinds.clear();
    const id = placeId(name);
    kind = id ? (id.startsWith('city:') ? 'city' : 'country') : lists.cities.has(placeKey(name)) ? 'city' : null;
    kinds.set(name, kind);
  }
  return kind;
}

export function isFirstName(word: string): boolean {
  lists ??= load();
  return lists.firstNames.has(word.toLowerCase());
}

const startsUpper = (t: string): boolean => /^\p{Lu}/u.test(t);

/** Per token: '' or B-/I- plus the kind of the longest place name starting at a capitalised token. */
export function placeMarks(tokens: string[]): string[] {
  const marks = new Array<string>(tokens.length).fill('');
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    if (startsUpper(tokens[i]!)) {
      for (let len = Math.min(MAX_WORDS, tokens.length - i); len >= 1 && !matched; len--) {
        if (!startsUpper(tokens[i + len - 1]!)) continue;
        const kind = placeKind(len === 1 ? tokens[i]! : tokens.slice(i, i + len).join(' '));
        if (kind) {
          matched = len;
          for (let k = 0; k < len; k++) marks[i + k] = `${k === 0 ? 'B' : 'I'}-${kind}`;
        }
      }
    }
    i += matched || 1;
  }
  return marks;
}
