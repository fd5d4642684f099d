// Letters and digits ([\p{L}\p{N}] as a Unicode regex reads them) tested by char code, each unit classified once per process.

/** A test of one UTF-16 unit against a one-character class, each unit tested once per process. */
export function unitClass(re: RegExp): (c: number) => boolean {
  const known = new Uint8Array(65_536);
  return (c) => {
    let k = known[c]!;
    if (k === 0) known[c] = k = c >= 0xd800 && c <= 0xdfff ? 2 : re.test(String.fromCharCode(c)) ? 1 : 2;
    return k === 1;
  };
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const isWordUnit = unitClass(WORD_CHAR);
const astralWord = new Map<number, boolean>();

function isAstralWord(cp: number): boolean {
  let w = astralWord.get(cp);
  if (w === undefined) astralWord.set(cp, (w = WORD_CHAR.test(String.fromCodePoint(cp))));
  return w;
}

/** ASCII letters and digits, read without a call. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0));

/** How many UTF-16 units the word character at i takes (1, or 2 for a pair); 0 when it is not a word character. */
export function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  if (c < 0xd800 || c > 0xdbff) return isWordUnit(c) ? 1 : 0;
  const low = text.charCodeAt(i + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
  return isAstralWord(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000) ? 2 : 0;
}
