// Unicode classes of a code point as bits, each code point classified once per process: a regex per character costs
// more than the scans that ask (tokenizers, capital tests, letter counts).
export const UPPER = 1;
export const LOWER = 2;
export const LETTER = 4;
export const NUMBER = 8;
export const SPACE = 16;
/** Set on every computed class, so that 0 in the table means "not yet seen". */
const KNOWN = 128;

function computeClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let c = KNOWN;
  if (/\p{Lu}/u.test(ch)) c |= UPPER;
  if (/\p{Ll}/u.test(ch)) c |= LOWER;
  if (/\p{L}/u.test(ch)) c |= LETTER;
  if (/\p{N}/u.test(ch)) c |= NUMBER;
  if (/\s/u.test(ch)) c |= SPACE;
  return c;
}

const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

/** The class bits of a code point (a lone surrogate unit has none). */
export function charClass(cp: number): number {
  if (cp <= 0xffff) {
    let c = bmpClasses[cp]!;
    if (!c) bmpClasses[cp] = c = computeClass(cp);
    return c;
  }
  let c = astralClasses.get(cp);
  if (c === undefined) astralClasses.set(cp, (c = computeClass(cp)));
  return c;
}

/** The code point of the surrogate pair at i, or -1 when text[i] does not open one. */
export function pairAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return -1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000 : -1;
}

/** Whether the text has at least `min` letters, in UTF-16 units (an astral letter counts two); stops counting there. */
export function hasLetters(text: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length && n < min; i++) {
    const cp = pairAt(text, i);
    if (cp >= 0) {
      if (charClass(cp) & LETTER) n += 2;
      i++;
    } else if (charClass(text.charCodeAt(i)) & LETTER) n++;
  }
  return n >= min;
}
