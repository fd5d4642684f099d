// Alias resolution: short forms and acronyms within an article, spelling variants across articles. Every merge
// carries its evidence; each rule refuses when more than one entity could be meant.
import type { EntityMention } from '../../model.js';
import { idKey } from './canonical.js';
import { isFirstName } from './gazetteer.js';

const words = (key: string): string[] => key.split(' ');

/** Initials of a multi-word key ("international data corporation" → "idc"). */
function initials(key: string): string {
  return words(key).map((w) => w[0]).join('');
}

/** An article's long forms indexed for short forms: PERSON ids by each word of their key, ORG ids by their initials. */
interface LongFormIndex {
  byWord: Map<string, Set<string>>;
  byInitials: Map<string, Set<string>>;
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let ids = map.get(key);
  if (!ids) map.set(key, (ids = new Set()));
  ids.add(id);
}

/** Built once per article, so each mention's look-up is one map read rather than a pass over every long form. */
function indexLongForms(longForms: EntityMention[]): LongFormIndex {
  const index: LongFormIndex = { byWord: new Map(), byInitials: new Map() };
  for (const l of longForms) {
    const key = idKey(l.id);
    if (l.type === 'PERSON') for (const w of words(key)) addTo(index.byWord, w, l.id);
    if (l.type === 'ORG') addTo(index.byInitials, initials(key), l.id);
  }
  return index;
}

/** The one long-form id a mention is a short form or acronym of, with the rule's name, or null. */
function longFormOf(m: EntityMention, index: LongFormIndex): { id: string; rule: string } | null {
  if (m.id.startsWith('country:') || m.id.startsWith('city:')) return null;
  const key = idKey(m.id);
  if (key.includes(' ')) return null;
  const byWord = index.byWord.get(key);
  if (byWord?.size === 1) return { id: [...byWord][0]!, rule: 'short form' };
  if (/^\p{Lu}{2,6}$/u.test(m.text)) {
    const byInitials = index.byInitials.get(key);
    if (byInitials?.size === 1) return { id: [...byInitials][0]!, rule: 'acronym' };
  }
  return null;
}

/** Mentions with short forms ("Jun") and acronyms joined to the one longer name of the same article they fit. */
export function resolveShortForms(mentions: EntityMention[]): EntityMention[] {
  const longForms = mentions.filter((m) => idKey(m.id).includes(' '));
  const index = indexLongForms(longForms);
  return mentions.map((m) => {
    const long = longFormOf(m, index);
    if (!long || long.id === m.id) return m;
    const { text: name, type } = longForms.find((l) => l.id === long.id)!;
    return { ...m, id: long.id, type, evidence: `${long.rule} of "${name}" in the same article` };
  });
}

/** The two rows of editDistance's table, reused across calls: the store compares a new name with many candidates. */
let rows = [new Int32Array(64), new Int32Array(64)];

/**
 * Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. Only the band of cells within `max`
 * of the diagonal is filled (a path outside it costs more than `max`), so a comparison costs O(length × max).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0]!.length <= b.length + 1) rows = [new Int32Array(b.length * 2 + 2), new Int32Array(b.length * 2 + 2)];
  const beyond = max + 1;
  let [prev, cur] = rows as [Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j <= max ? j : beyond;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    cur[lo - 1] = lo === 1 ? i : beyond;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // The cell past the band is read by the next row as its upper neighbour: outside the band, beyond reach.
    if (hi < b.length) cur[hi + 1] = beyond;
    if (rowMin > max) return beyond;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length]!, beyond);
}

/** Edits allowed between two spellings of one name, by the shorter's length: none for short names, where one letter makes another name. */
function allowedEdits(length: number): number {
  return length >= 14 ? 2 : length >= 8 ? 1 : 0;
}

/**
 * The key lengths a spelling variant of a key of this length can have (sameNameVariant allows the edits of the shorter
 * key, and each edit changes the length by at most one), or null when no other key can be one: a key shorter than 8.
 */
export function variantLengths(length: number): [number, number] | null {
  if (!allowedEdits(length)) return null;
  const shorter = allowedEdits(length - 2) >= 2 ? length - 2 : allowedEdits(length - 1) >= 1 ? length - 1 : length;
  return [shorter, length + allowedEdits(length)];
}

/**
 * Whether two keys of the same type are spellings of one name: same word count, same first letter, within the
 * allowed edits, no differing digits, and the words that differ are not two distinct first names ("joan"/"john").
 */
export function sameNameVariant(a: string, b: string): boolean {
  if (a === b) return true;
  const max = allowedEdits(Math.min(a.length, b.length));
  // The edit distance first: it turns away almost every candidate, and allocates nothing.
  if (!max || a[0] !== b[0] || editDistance(a, b, max) > max) return false;
  const wa = words(a);
  const wb = words(b);
  if (wa.length !== wb.length || a.replace(/\D/g, '') !== b.replace(/\D/g, '')) return false;
  const differing = wa.map((w, i) => [w, wb[i]!] as const).filter(([x, y]) => x !== y);
  return !differing.some(([x, y]) => isFirstName(x) && isFirstName(y));
}
