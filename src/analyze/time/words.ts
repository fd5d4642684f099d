// The words of a text as the tagger reads them — runs of letters and digits, what /[\p{L}\p{N}]+/u finds — in one
// char-code pass shared by the rule dispatch and the cue reader (a Unicode regex per word costs several times more).
import { unitClass, wordCharWidth } from '../../text/wordchars.js';

/** Word runs: the i-th runs from starts[i] to ends[i] (exclusive), in text order. */
export interface WordRuns {
  starts: number[];
  ends: number[];
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

const isGapUnit = unitClass(/^[\s'’.-]$/u);

/** Whether text[from, to) is only spaces, apostrophes, full stops and hyphens (what may stand between two words of a phrase). */
export function isPhraseGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isGapUnit(text.charCodeAt(i))) return false;
  return true;
}

const lowered = new Uint16Array(65_536);

/** A UTF-16 unit lower-cased on its own, remembered. */
function lowerUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = lowered[c]!;
  if (l === 0) lowered[c] = l = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return l;
}

/** Lower-casing a word lower-cases its units one by one, except İ (which adds a dot), a final Σ and astral letters. */
const IRREGULAR_LOWER = /[\u0307\u03c2\ud800-\udfff]/;

function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

/** A table slot for a word's first two units, lower-cased (six bits of each: a-z stay apart). */
function slot(first: number, second: number): number {
  return ((lowerUnit(first) & 0x3f) << 6) | (Number.isNaN(second) ? 0 : lowerUnit(second) & 0x3f);
}

/**
 * A quick test that rules out most words of a text before they are cut out and looked up in a set of lower-case
 * words: by their first two units, lower-cased, and their length. Never rules out a word whose lower case is in the set.
 */
export class WordFilter {
  private readonly lengths = new Int32Array(4096);
  private readonly any: boolean;

  constructor(words: Iterable<string>) {
    let any = false;
    for (const w of words) {
      // A word that lower-casing makes irregularly could come from a word of another shape.
      any ||= IRREGULAR_LOWER.test(w);
      this.lengths[slot(w.charCodeAt(0), w.charCodeAt(1))]! |= lengthBit(w.length);
    }
    this.any = any;
  }

  /** False when text[start, end), as written or lower-cased, is surely none of the words. */
  mayHold(text: string, start: number, end: number): boolean {
    const second = end - start > 1 ? text.charCodeAt(start + 1) : NaN;
    return this.any || (this.lengths[slot(text.charCodeAt(start), second)]! & lengthBit(end - start)) !== 0;
  }
}
