// Word tokens with their offsets; the same tokenizer serves every language of the Latin, Greek and Cyrillic scripts.
import { wordCharWidth } from './wordchars.js';

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** ' ’ - . : may join two runs of letters and digits into one word. */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 46;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Past the letters and digits from i. */
function runEnd(text: string, i: number): number {
  let w = wordCharWidth(text, i);
  while (w) {
    i += w;
    w = wordCharWidth(text, i);
  }
  return i;
}

/**
 * End of the word starting at i. A word is letters/digits, allowing inner apostrophes, hyphens and dots ("U.S.",
 * "l'incendio") and commas between digits ("3,5"): what /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+|,\d+)*\/u matches,
 * read by char code (the regex's match objects cost more than the words).
 */
function wordEnd(text: string, i: number): number {
  i = runEnd(text, i);
  for (;;) {
    const c = text.charCodeAt(i);
    if (isJoiner(c) && wordCharWidth(text, i + 1)) i = runEnd(text, i + 1);
    else if (c === 44 && isDigit(text.charCodeAt(i + 1))) {
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
    } else return i;
  }
}

/** Calls `found` with the bounds of each word of the text, in order. */
function eachWord(text: string, found: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    if (!wordCharWidth(text, i)) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    found(i, end);
    i = end;
  }
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  eachWord(text, (start, end) => out.push({ text: text.slice(start, end), start, end }));
  return out;
}

/** How many words `words` would return, without cutting them out of the text. */
export function countWords(text: string): number {
  let n = 0;
  eachWord(text, () => n++);
  return n;
}

/** Just the words, for counting and shingling. */
export function words(text: string): string[] {
  const out: string[] = [];
  eachWord(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
