// Language per block, for pages that mix languages (an English quote inside an Italian article, reader comments).
import type { Block, BlockLang } from '../model.js';
import { identifyLanguage } from '../text/langid.js';
import { DEEP_LANGS } from '../text/langdata.js';
import { stopwordLanguages } from '../text/lexicon.js';
import { words } from '../text/tokens.js';
import { LETTER, charClass, pairAt } from '../text/charclass.js';

/** Letters a block needs before its own language is guessed; shorter blocks take the page's. */
const MIN_LETTERS = 25;

/** Share of a block's words that must be the page language's stop words for it to pass as that language unchecked. */
const PAGE_STOPWORD_SHARE = 0.2;

/** Whether the text has at least `min` letters, in UTF-16 units (an astral letter counts two); stops counting there. */
function hasLetters(text: string, min: number): boolean {
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

const STOPWORD_CACHE_SIZE = 100_000;
const stopwordMasks = new Map<string, number>();

/** stopwordLanguages of a word as written, remembered (no lower-casing of words seen before). */
function stopwordMask(word: string): number {
  let mask = stopwordMasks.get(word);
  if (mask === undefined) {
    if (stopwordMasks.size >= STOPWORD_CACHE_SIZE) stopwordMasks.clear();
    stopwordMasks.set(word, (mask = stopwordLanguages(word.toLowerCase())));
  }
  return mask;
}

/**
 * A block reads as the page's language when that language's stop words are common in it and no other analysed
 * language's are more so: running detection on every block would cost more than detecting the page itself.
 */
function plainlyPageLanguage(text: string, pageLang: string): boolean {
  const page = DEEP_LANGS.indexOf(pageLang);
  if (page < 0) return false;
  const counts = new Array<number>(DEEP_LANGS.length).fill(0);
  let total = 0;
  for (const w of words(text)) {
    total++;
    const mask = stopwordMask(w);
    if (mask) for (let bit = 0; bit < counts.length; bit++) if (mask & (1 << bit)) counts[bit]!++;
  }
  const own = counts[page]!;
  return own >= PAGE_STOPWORD_SHARE * total && counts.every((n) => n <= own);
}

/** The language of each kept block: its own when identified with confidence, else the page's. */
export function blockLanguages(blocks: Pick<Block, 'index' | 'text' | 'kept'>[], pageLang: string): BlockLang[] {
  return blocks
    .filter((b) => b.kept)
    .map((b) => {
      if (!hasLetters(b.text, MIN_LETTERS)) return { index: b.index, lang: pageLang, confidence: 0 };
      if (plainlyPageLanguage(b.text, pageLang)) return { index: b.index, lang: pageLang, confidence: 0.9 };
      const guess = identifyLanguage(b.text);
      const own = guess.lang !== 'und' && (guess.lang === pageLang || guess.confidence >= 0.5);
      return { index: b.index, lang: own ? guess.lang : pageLang, confidence: own ? guess.confidence : 0 };
    });
}
