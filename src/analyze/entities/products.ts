// Products, where the name says so: a product line with a model code or a line word ("Mi 6X", "Galaxy S9", "Mi TV",
// "Apple Watch"), a name with its model number in one word ("Mi8"), and i-names ("iPhone 8"). The brand before the
// line stays an organisation ("Xiaomi Mi 6X" → Xiaomi + Mi 6X). Line words: text/lang/en/product-words.txt, valid
// in every language. A code after a road's name is a road ("Autobahn A10").
import type { EntityMention } from '../../model.js';
import { DEEP_LANGS, langLines } from '../../text/langdata.js';
import { tokenize, type Token } from '../../text/tokens.js';
import { canonicalId } from './canonical.js';
import { startsUpper } from './gazetteer.js';
import { inReadingOrder } from './mentions.js';

let lineWords: Set<string> | null = null;
let roadWords: Set<string> | null = null;

function lineWordSet(): Set<string> {
  lineWords ??= new Set(langLines('en', 'product-words.txt').map((w) => w.trim()));
  return lineWords;
}

function isLineWord(word: string): boolean {
  return lineWordSet().has(word);
}

/** A word before a code that names a road ("Autobahn A10"), from text/lang/<code>/road-words.txt. */
function isRoadWord(word: string): boolean {
  roadWords ??= new Set(DEEP_LANGS.flatMap((l) => langLines(l, 'road-words.txt')).map((w) => w.trim()));
  return roadWords.has(word);
}

let trigger: RegExp | null = null;

/** What every product name holds somewhere (a letter next to a digit, an i-name, a line word): texts without skip the token scan. */
function mayHoldProducts(text: string): boolean {
  // Each alternative opens with a plain character (the letter before a digit, or before an i-name, and the word
  // boundary before a line word, read behind it), so the engine skips ahead to candidate characters instead of trying
  // every alternative at every position; a leading \b would defeat that. Line words start with a word character, so
  // "no word character behind" is the same boundary.
  trigger ??= new RegExp(`\\d(?:(?<=\\p{L}\\d)|\\p{Lu})|i(?<!\\p{L}i)\\p{Lu}|(?<!\\w)(?:${[...lineWordSet()].join('|')})\\b`, 'u');
  return trigger.test(text);
}

/** A model code: letters and digits mixed, capitals only ("6X", "S9", "A2"). */
const MODEL_CODE = /^(?=[\p{Lu}\d]*\d)(?=[\p{Lu}\d]*\p{Lu})[\p{Lu}\d]{2,5}$/u;
/** A short line name with its model number in one word ("Mi8", "Mix3"); longer words with digits are not ("Covid19"). */
const FUSED_MODEL = /^\p{Lu}\p{Ll}{1,2}\d{1,2}\p{Lu}?$/u;
/** An i-name ("iPhone", "iPad"). */
const I_NAME = /^i\p{Lu}\p{Ll}+$/u;
/** A product line's name: a capitalised word, not a lone capital. */
const LINE_NAME = /^(?:\p{Lu}\p{Ll}+|\p{Lu}{2,4}|\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+)$/u;

const isModel = (t: string): boolean => MODEL_CODE.test(t) || isLineWord(t);

/** Two tokens separated by a single space only (no punctuation between them). */
function adjacent(a: Token, b: Token): boolean {
  return b.start - a.end === 1;
}

/** Token spans [start, end) of the products in a token list. */
function productSpans(tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    // Every product name opens with a capital or an i-name's "i": other words skip the pattern tests.
    if (t[0] !== 'i' && !startsUpper(t)) continue;
    const next = tokens[i + 1];
    let end: number;
    if (FUSED_MODEL.test(t) || I_NAME.test(t)) end = i + 1;
    else if (LINE_NAME.test(t) && !isRoadWord(t) && next && adjacent(tokens[i]!, next) && isModel(next.text)) end = i + 2;
    else continue;
    // Trailing codes and line words belong to the name ("Galaxy S9 Pro"); an i-name takes its number ("iPhone 8").
    const continues = (k: number): boolean => isModel(tokens[k]!.text) || (k === i + 1 && I_NAME.test(t) && /^\d{1,3}$/.test(tokens[k]!.text));
    while (tokens[end] && adjacent(tokens[end - 1]!, tokens[end]!) && continues(end)) end++;
    out.push([i, end]);
    i = end - 1;
  }
  return out;
}

/** Tokens with an elided article cut off ("dell'iPhone" → "iPhone"), as Italian and French write them. */
function withoutElisions(tokens: Token[]): Token[] {
  return tokens.map((t) => {
    if (!t.text.includes("'") && !t.text.includes('’')) return t;
    const elided = /^\p{Ll}{1,5}['’](?=\p{L})/u.exec(t.text);
    return elided ? { text: t.text.slice(elided[0].length), start: t.start + elided[0].length, end: t.end } : t;
  });
}

/** The product mentions of one field, replacing the tagger's mentions inside them; a mention crossing one wins. */
function fieldProducts(text: string, field: EntityMention['field'], mentions: EntityMention[], known?: Token[]): { products: EntityMention[]; replaced: EntityMention[] } {
  if (!mayHoldProducts(text)) return { products: [], replaced: [] };
  const tokens = withoutElisions(known ?? tokenize(text));
  const products: EntityMention[] = [];
  const replaced: EntityMention[] = [];
  for (const [s, e] of productSpans(tokens)) {
    const start = tokens[s]!.start;
    const end = tokens[e - 1]!.end;
    const touched = mentions.filter((m) => m.field === field && m.start < end && start < m.end);
    if (!touched.every((m) => m.start >= start && m.end <= end)) continue;
    const surface = text.slice(start, end);
    products.push({ id: canonicalId(surface, 'PRODUCT'), text: surface, type: 'PRODUCT', field, start, end });
    replaced.push(...touched);
  }
  return { products, replaced };
}

/** The mentions with products added, in field and text order; `textTokens`: the body's tokens, when the caller has them. */
export function withProducts(mentions: EntityMention[], title: string, text: string, textTokens?: Token[]): EntityMention[] {
  const found = [fieldProducts(title, 'title', mentions), fieldProducts(text, 'text', mentions, textTokens)];
  const products = found.flatMap((f) => f.products);
  if (!products.length) return mentions;
  const replaced = new Set(found.flatMap((f) => f.replaced));
  return inReadingOrder([...mentions.filter((m) => !replaced.has(m)), ...products]);
}
