// Letters and digits ([\p{L}\p{N}] as a Unicode regex reads them) tested by char code, from the shared class table.
import { LETTER, NUMBER, charClass, pairAt } from './charclass.js';

/** A test of one UTF-16 unit against a one-character class, each unit tested once per process. */
export function unitClass(re: RegExp): (c: number) => boolean {
  const known = new Uint8Array(65_536);
  return (c) => {
    let k = known[c]!;
    if (k === 0) known[c] = k = c >= 0xd800 && c <= 0xdfff ? 2 : re.test(String.fromCharCode(c)) ? 1 : 2;
    return k === 1;
  };
}

const WORD = LETTER | NUMBER;

/** ASCII letters and digits, read without a call. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (charClass(c) & WORD ? 1 : 0));

/** How many UTF-16 units the word character at i takes (1, or 2 for a pair); 0 when it is not a word character. */
export function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  if (c < 0xd800 || c > 0xdbff) return charClass(c) & WORD ? 1 : 0;
  const cp = pairAt(text, i);
  return cp >= 0 && charClass(cp) & WORD ? 2 : 0;
}
