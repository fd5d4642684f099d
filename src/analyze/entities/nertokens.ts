// The tagger's tokens, scanned by hand: initialisms with dots ("U.S.", "A.S."), elided articles ("l'", "dell'"), words
// (inner hyphens, dots, ampersands, apostrophes), a possessive "'s" on its own, any other single character. A regex
// did the same (alternatives tried in this order at each token start) at about twice the cost per sentence.

import { LETTER, LOWER, NUMBER, SPACE, UPPER, charClass as classOf } from '../../text/charclass.js';

/** A sentence's tokens: their texts and their character offsets in the field. */
export interface NerTokens {
  words: string[];
  starts: number[];
  ends: number[];
}

/** Whether a code point (or a lone UTF-16 unit) is an upper-case letter, from the cached classes: no regex per character. */
export function isUpperCase(cp: number): boolean {
  return (classOf(cp) & UPPER) !== 0;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const isApostrophe = (c: number): boolean => c === APOSTROPHE || c === RIGHT_QUOTE;

/** A scan of text[from, to), which it treats as the whole string (so lookaheads stop at `to`). */
class Scanner {
  constructor(
    readonly text: string,
    readonly to: number,
  ) {}

  /** The code point at p (a surrogate pair cut by `to` counts as a lone unit). */
  at(p: number): number {
    const c = this.text.charCodeAt(p);
    if (c >= 0xd800 && c <= 0xdbff && p + 1 < this.to) {
      const d = this.text.charCodeAt(p + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
    }
    return c;
  }

  classAt(p: number): number {
    return p < this.to ? classOf(this.at(p)) : 0;
  }

  /** The position after the code point at p. */
  next(p: number): number {
    return p + (this.at(p) > 0xffff ? 2 : 1);
  }

  /** Whether an ASCII word boundary follows position p - 1, whose character is a word character. */
  boundaryAt(p: number): boolean {
    if (p >= this.to) return true;
    const c = this.text.charCodeAt(p);
    return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
  }

  /** Whether an "s" or "S" ending a word stands at p: the possessive after an apostrophe. */
  possessiveS(p: number): boolean {
    if (p >= this.to) return false;
    const c = this.text.charCodeAt(p);
    return (c === 115 || c === 83) && this.boundaryAt(p + 1);
  }

  /** The end of a run of characters of the given classes from p (p itself when none). */
  runEnd(p: number, classes: number): number {
    while (p < this.to) {
      const cp = this.at(p);
      if (!(classOf(cp) & classes)) break;
      p += cp > 0xffff ? 2 : 1;
    }
    return p;
  }

  /** Two or more upper-case letters each followed by a dot ("U.S."), or -1. */
  initialism(p: number): number {
    let pairs = 0;
    while (this.classAt(p) & UPPER) {
      const dot = this.next(p);
      if (dot >= this.to || this.text.charCodeAt(dot) !== 0x2e) break;
      pairs++;
      p = dot + 1;
    }
    return pairs >= 2 ? p : -1;
  }

  /** One to five lower-case letters and an apostrophe before a letter, not an "'s"/"'t" ending a word ("dell'"), or -1. */
  elision(p: number): number {
    let end = p;
    let letters = 0;
    // Six letters already fail: a longer run is no elided article.
    while (letters < 6 && (this.classAt(end) & LOWER) !== 0) {
      end = this.next(end);
      letters++;
    }
    if (letters < 1 || letters > 5 || end >= this.to || !isApostrophe(this.text.charCodeAt(end))) return -1;
    const after = end + 1;
    if (!(this.classAt(after) & LETTER)) return -1;
    const c = this.text.charCodeAt(after);
    if ((c === 115 || c === 116) && this.boundaryAt(after + 1)) return -1;
    return after;
  }

  /** Letters and digits, joined by inner hyphens, dots and ampersands, then by apostrophes not of a possessive, or -1. */
  word(p: number): number {
    const LN = LETTER | NUMBER;
    let end = this.runEnd(p, LN);
    if (end === p) return -1;
    for (;;) {
      if (end >= this.to) return end;
      const c = this.text.charCodeAt(end);
      if ((c !== 0x2d && c !== 0x2e && c !== 0x26) || !(this.classAt(end + 1) & LN)) break;
      end = this.runEnd(end + 1, LN);
    }
    while (end < this.to && isApostrophe(this.text.charCodeAt(end)) && !this.possessiveS(end + 1) && (this.classAt(end + 1) & LN) !== 0) end = this.runEnd(end + 1, LN);
    return end;
  }

  /** An apostrophe and "s" or "S" ending a word, or -1. */
  possessive(p: number): number {
    return isApostrophe(this.text.charCodeAt(p)) && this.possessiveS(p + 1) ? p + 2 : -1;
  }
}

/** Tokens of text[from, to), with their offsets in `text`. */
export function nerTokens(text: string, from = 0, to = text.length): NerTokens {
  const out: NerTokens = { words: [], starts: [], ends: [] };
  const s = new Scanner(text, to);
  for (let p = from; p < to; ) {
    if (s.classAt(p) & SPACE) {
      p = s.next(p);
      continue;
    }
    let end = s.initialism(p);
    if (end < 0) end = s.elision(p);
    if (end < 0) end = s.word(p);
    if (end < 0) end = s.possessive(p);
    if (end < 0) end = s.next(p);
    out.words.push(text.slice(p, end));
    out.starts.push(p);
    out.ends.push(end);
    p = end;
  }
  return out;
}
