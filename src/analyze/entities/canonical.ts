// Canonical entity ids, the same in every language: countries by ISO 3166 code, cities by their gazetteer id,
// organisations and people by a normalised name (case, accents, possessive, dots and corporate suffixes removed).
import { boundedMemo } from '../../text/memo.js';
import type { EntityType } from '../../model.js';
import { DEEP_LANGS, langLines } from '../../text/langdata.js';
import { foldKey } from '../../text/normalize.js';
import { placeId } from '../../text/places.js';

/** Name key: folded, no possessive, dots and hyphens as spaces ("Xiaomi's" → "xiaomi", "A.S. Watson" → "as watson"). */
export function entityKey(name: string): string {
  return foldKey(name)
    .replace(/['’]s$/, '')
    .replace(/(?<=\p{L})\.(?=\p{L}\.)|(?<=\b\p{L})\.(?=\s|$)/gu, '')
    .replace(/[.\-–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let suffixes: string[] | null = null;

/** Corporate suffixes of every language, as keys, longest first. */
function orgSuffixes(): string[] {
  suffixes ??= [...new Set(DEEP_LANGS.flatMap((l) => langLines(l, 'org-suffixes.txt')).map(entityKey))].sort((a, b) => b.length - a.length);
  return suffixes;
}

/** Whether a word is a corporate suffix ("Telecom", "GmbH"): a name ending in one names an organisation. Remembered per word. */
export const isOrgSuffix = boundedMemo((word: string): boolean => orgSuffixes().includes(entityKey(word)), 100_000);

/** An organisation's key without its corporate suffix, unless nothing meaningful would be left. */
export function orgKey(name: string): string {
  const key = entityKey(name);
  for (const s of orgSuffixes()) {
    if (key.endsWith(` ${s}`)) {
      const rest = key.slice(0, -s.length - 1).replace(/[\s,&]+$/, '');
      if (rest.length >= 2 && /\p{L}/u.test(rest)) return rest;
    }
  }
  return key;
}

/** Canonical ids remembered per type and surface (a map per type: no key string is built per mention). */
let ids = new Map<EntityType, Map<string, string>>();
let remembered = 0;

/** The canonical id of a mention of the given type, remembered: names recur across articles; the bound keeps memory flat. */
export function canonicalId(surface: string, type: EntityType): string {
  let ofType = ids.get(type);
  if (!ofType) ids.set(type, (ofType = new Map()));
  let id = ofType.get(surface);
  if (id === undefined) {
    if (++remembered > 100_000) {
      ids = new Map([[type, (ofType = new Map())]]);
      remembered = 1;
    }
    ofType.set(surface, (id = computeCanonicalId(surface, type)));
  }
  return id;
}

function computeCanonicalId(surface: string, type: EntityType): string {
  if (type === 'LOCATION') {
    const place = placeId(surface.replace(/['’]s$/, ''));
    if (place) return place.startsWith('city:') ? place : `country:${place}`;
  }
  return `${type}:${type === 'ORG' ? orgKey(surface) : entityKey(surface)}`;
}

/** The key part of a canonical id. */
export function idKey(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}
