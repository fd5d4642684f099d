// Brand families: a brand's national companies ("Three UK", "Vodafone Italia"), its group and its shops ("3 Group",
// "3 Store") and the brand named alone ("Three") are one operator, with the evidence of each merge. A number word and
// its digits name one brand ("Three" = "3" = "Tre"). Per-language words live in text/lang/<code>/brand-words.txt and
// number-words.txt.
import type { EntityMention, Span } from '../../model.js';
import { DEEP_LANGS, langLines } from '../../text/langdata.js';
import { tokenize } from '../../text/tokens.js';
import { entityKey } from './canonical.js';
import { placeKind, startsUpper } from './gazetteer.js';
import { inReadingOrder } from './mentions.js';

interface Lexicon {
  /** Words after a brand naming its group or shops, as written ("Group", "Store"). */
  parts: Set<string>;
  /** Number word (lower case) → digits. */
  numbers: Map<string, string>;
  /** A digit brand with its part: "3 Group", "3 Store's". */
  digitForm: RegExp;
}

let lexicon: Lexicon | null = null;

function load(): Lexicon {
  const parts = new Set(DEEP_LANGS.flatMap((l) => langLines(l, 'brand-words.txt').map((w) => w.trim())));
  const numbers = new Map(
    DEEP_LANGS.flatMap((l) => langLines(l, 'number-words.txt').map((line) => line.trim().split(/\s+/)))
      .map(([value, word]) => [word!.toLowerCase(), value!] as const),
  );
  const digitForm = new RegExp(`(?<![\\p{L}\\p{N}.,])\\d{1,3} (?:${[...parts].join('|')})(?=['’]s\\b|(?![\\p{L}\\p{N}]))`, 'gu');
  return { parts, numbers, digitForm };
}

/** A brand's key: digits for a number word ("Three" → "3"), else the entity key. */
function brandKey(brand: string): string {
  lexicon ??= load();
  return lexicon.numbers.get(brand.toLowerCase()) ?? entityKey(brand);
}

const withoutPossessive = (s: string): string => s.replace(/['’]s$/, '');

/** The brand of a family name, and what follows it: "Three UK" → Three + country, "3 Group" → 3 + "Group". */
function splitFamily(surface: string): { brand: string; part: string } | null {
  lexicon ??= load();
  const words = withoutPossessive(surface).split(/\s+/);
  if (words.length < 2) return null;
  const part = words[words.length - 1]!;
  const brand = words.slice(0, -1).join(' ');
  // Every word of the brand is a name or a number: "Bank of Italy" is no brand family.
  if (!words.slice(0, -1).every((w) => /^(?:\p{Lu}|\d)/u.test(w)) || placeKind(brand)) return null;
  if (lexicon.parts.has(part)) return { brand, part: `"${part}"` };
  return placeKind(part) === 'country' ? { brand, part: 'country' } : null;
}

interface Form {
  mention: EntityMention;
  brand: string;
  part: string | null;
}

/** Whether two spans of one field overlap. */
const overlaps = (a: EntityMention, b: EntityMention): boolean => a.field === b.field && a.start < b.end && b.start < a.end;

/**
 * Mentions of digit brands the tagger leaves out or cuts short ("3 Group's stores", "nei 3 Store"), with the mentions
 * they swallow (a lone "Group"); a digit brand overlapping a longer mention is left to it.
 */
function digitForms(text: string, field: EntityMention['field'], mentions: EntityMention[]): { form: EntityMention; swallowed: EntityMention[] }[] {
  lexicon ??= load();
  const out: { form: EntityMention; swallowed: EntityMention[] }[] = [];
  for (const m of text.matchAll(lexicon.digitForm)) {
    const form: EntityMention = { id: '', text: m[0], type: 'ORG', field, start: m.index!, end: m.index! + m[0].length };
    const touched = mentions.filter((t) => overlaps(t, form));
    if (touched.every((t) => t.start >= form.start && t.end <= form.end)) out.push({ form, swallowed: touched });
  }
  return out;
}

/** Capitalised words inside a sentence that name a brand of `keys` alone ("to Three customers"), outside mentions. */
function bareBrands(text: string, field: EntityMention['field'], starts: Set<number>, keys: Set<string>, taken: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const t of tokenize(text)) {
    // A sentence's first word is capitalised whatever it means ("Three people died").
    if (starts.has(t.start) || !startsUpper(t.text) || !keys.has(brandKey(t.text))) continue;
    const bare: EntityMention = { id: '', text: t.text, type: 'ORG', field, start: t.start, end: t.end };
    if (!taken.some((m) => overlaps(m, bare))) out.push(bare);
  }
  return out;
}

/**
 * Family members join their brand's entity (`ORG:<brand key>`) when the article attests the brand twice: two
 * different forms ("Three UK" and "3 Group", or "Apple Store" and "Apple"), or a digit brand, which is a name only as a
 * brand. A lone "Air France" stays itself: "Air" alone is no brand.
 */
export function withBrandFamilies(mentions: EntityMention[], title: string, text: string, sentences: Span[]): EntityMention[] {
  const fields = [
    { field: 'title' as const, text: title, starts: new Set([0]) },
    { field: 'text' as const, text, starts: new Set(sentences.map((s) => s.start)) },
  ];
  const found = fields.flatMap((f) => digitForms(f.text, f.field, mentions));
  const digits = found.map((d) => d.form);
  const forms: Form[] = [...mentions.filter((m) => m.type === 'ORG'), ...digits].flatMap((mention) => {
    const family = splitFamily(mention.text);
    return family ? [{ mention, ...family }] : [];
  });
  if (!forms.length) return mentions;
  const keys = new Set(forms.map((f) => brandKey(f.brand)));
  const alone = fields.flatMap((f) => bareBrands(f.text, f.field, f.starts, keys, [...mentions, ...digits]));
  const own = mentions.filter((m) => m.type === 'ORG' && keys.has(brandKey(withoutPossessive(m.text))));
  // Family forms first: a mention that is both keeps the evidence of its form.
  const members = [
    ...forms.map(({ mention, brand, part }) => ({ mention, key: brandKey(brand), family: { brand, part } })),
    ...[...alone, ...own].map((mention) => ({ mention, key: brandKey(withoutPossessive(mention.text)), family: null })),
  ];
  const surfaces = new Map<string, Set<string>>();
  for (const { mention, key } of members) surfaces.set(key, (surfaces.get(key) ?? new Set()).add(withoutPossessive(mention.text)));
  const attested = (key: string): boolean => surfaces.get(key)!.size >= 2 || [...surfaces.get(key)!].some((s) => /^\d/.test(s));
  const example = (key: string): string => members.find((m) => m.family && m.key === key)!.mention.text;
  const merged = new Map<EntityMention, EntityMention>();
  for (const { mention, key, family } of members) {
    const id = `ORG:${key}`;
    if (!attested(key) || mention.id === id || merged.has(mention)) continue;
    const evidence = family
      ? `brand family of "${family.brand}": "${withoutPossessive(mention.text)}" names the brand with its ${family.part}`
      : `the brand of "${example(key)}", named alone in the same article`;
    merged.set(mention, { ...mention, id, evidence });
  }
  const added = [...digits, ...alone].filter((m) => merged.has(m));
  const swallowed = new Set(found.filter((d) => merged.has(d.form)).flatMap((d) => d.swallowed));
  return inReadingOrder([...mentions.filter((m) => !swallowed.has(m)), ...added].map((m) => merged.get(m) ?? m));
}
