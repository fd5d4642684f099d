// The words of a text as the tagger reads them — runs of letters and digits, what /[\p{L}\p{N}]+/u finds — in one
// char-code pass shared by the rule dispatch and the cue reader (a Unicode regex per word costs several times more).

/** Word runs: the i-th runs from starts[i] to ends[i] (exclusive), in text order. */
export interface WordRuns {
  starts: number[];
  ends: number[];
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const UNKNOWN = 0;
const WORD = 1;
const OTHER = 2;
/** Each UTF-16 unit classified once per process; surrogate pairs are classified as code points. */
const unitKind = new Uint8Array(65_536);
const astralWord = new Map<number, boolean>();

function isWordUnit(c: number): boolean {
  let k = unitKind[c]!;
  if (k === UNKNOWN) {
    k = c >= 0xd800 && c <= 0xdfff ? OTHER : WORD_CHAR.test(String.fromCharCode(c)) ? WORD : OTHER;
    unitKind[c] = k;
  }
  return k === WORD;
}

function isAstralWord(cp: number): boolean {
  let w = astralWord.get(cp);
  if (w === undefined) astralWord.set(cp, (w = WORD_CHAR.test(String.fromCodePoint(cp))));
  return w;
}

/** How many UTF-16 units the word character at i takes (1, or 2 for a pair); 0 when it is not a word character. */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return isWordUnit(c) ? 1 : 0;
  const low = text.charCodeAt(i + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
  return isAstralWord(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000) ? 2 : 0;
}

export function wordRuns(text: string): WordRuns {
  const runs: WordRuns = { starts: [], ends: [] };
  const len = text.length;
  let i = 0;
  while (i < len) {
    let w = wordCharWidth(text, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    while (w) {
      i += w;
      w = i < len ? wordCharWidth(text, i) : 0;
    }
    runs.starts.push(start);
    runs.ends.push(i);
  }
  return runs;
}

/** Index of the first run ending after a position. */
export function runAfter(runs: WordRuns, pos: number): number {
  let lo = 0;
  let hi = runs.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs.ends[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** ' or ’ (NaN, before the text, is neither). */
export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}
