// Text normalisation shared by every stage: Unicode form, whitespace, and keys for comparing names.
import { SPACE, charClass } from './charclass.js';
import { boundedMemo } from './memo.js';

/**
 * Whether NFC text holds anything normalizeText replaces: a carriage return, a zero-width or control character, an
 * unusual space or tab, or a space before a line break. Most texts hold none, and then need no regex pass at all.
 */
function needsCleaning(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 10 : c === 0x7f || (c === 32 && text.charCodeAt(i + 1) === 10)) return true;
    if (c >= 0xa0 && (c === 0xa0 || (c >= 0x2000 && c <= 0x200d) || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff)) return true;
  }
  return false;
}

/** NFC, unified line breaks, no zero-width or control characters, no trailing spaces. */
export function normalizeText(text: string): string {
  const nfc = text.normalize('NFC');
  if (!needsCleaning(nfc)) return nfc;
  return nfc
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/ +\n/g, '\n');
}

/** Collapse runs of spaces inside a line and trim it. */
export function squashSpaces(line: string): string {
  return isSquashed(line) ? line : line.replace(/\s+/g, ' ').trim();
}

/** Whether a line has no whitespace at its ends and none but single spaces inside: most lines, which then need no copy. */
function isSquashed(line: string): boolean {
  let afterSpace = true;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const space = c === 32 || (c < 128 ? c >= 9 && c <= 13 : (charClass(c) & SPACE) !== 0);
    if (space && (c !== 32 || afterSpace)) return false;
    afterSpace = space;
  }
  return !afterSpace || line.length === 0;
}

/** foldKey by Unicode normalisation, for any text. */
function foldByNormalizing(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/ß/g, 'ss');
}

/**
 * Code points whose fold is the fold of each character alone: Latin up to the Greek block (where the only marks with
 * a combining class, U+0300–U+036F, are removed anyway, and no lower-casing depends on context) and general
 * punctuation with the currency signs.
 */
const LATIN_END = 0x036f;
const PUNCTUATION_START = 0x2000;
const PUNCTUATION_END = 0x20cf;

/** The fold of each of those code points by its own, worked out once. */
const foldsOf = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, k) => foldByNormalizing(String.fromCharCode(from + k)));
const latinFolds = foldsOf(0, LATIN_END);
const punctuationFolds = foldsOf(PUNCTUATION_START, PUNCTUATION_END);

function charFold(c: number): string | undefined {
  if (c <= LATIN_END) return latinFolds[c];
  return c >= PUNCTUATION_START && c <= PUNCTUATION_END ? punctuationFolds[c - PUNCTUATION_START] : undefined;
}

/** foldKey character by character, copying runs that fold to themselves; null when a character is outside those ranges. */
function foldByCharacters(text: string): string | null {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    const folded = charFold(c);
    if (folded === undefined) return null;
    if (folded.length === 1 && folded.charCodeAt(0) === c) continue;
    out += text.slice(from, i) + folded;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Lower case without diacritics: the key two spellings of one word share ("Zürich" → "zurich"). */
export function foldKey(text: string): string {
  // Most text is Latin: a table lookup per character instead of normalising the whole string.
  return foldByCharacters(text) ?? foldByNormalizing(text);
}

const rememberedFold = boundedMemo(foldKey, 100_000);

/** Whether foldKey gives a word back as it is: printable ASCII with no capital or backtick (most words). */
function isFoldedAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c >= 65 && c <= 90) || c === 96) return false;
  }
  return true;
}

/** foldKey of one word; the rest remembered, as the same few thousand words make up most of every article. */
export function foldWord(word: string): string {
  return isFoldedAscii(word) ? word : rememberedFold(word);
}
