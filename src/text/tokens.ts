// Word tokens with their offsets; the same tokenizer serves every language of the Latin, Greek and Cyrillic scripts.

export interface Token {
  text: string;
  start: number;
  end: number;
}

// A word is letters/digits, allowing inner apostrophes, hyphens and dots ("U.S.", "l'incendio"), and commas between digits ("3,5").
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+|,\d+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // An exec loop over the one global regex: matchAll clones the regex for every text.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Just the words, for counting and shingling. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
