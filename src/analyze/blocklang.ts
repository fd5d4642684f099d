// Language per block, for pages that mix languages (an English quote inside an Italian article, reader comments).
import type { Block, BlockLang } from '../model.js';
import { identifyLanguage } from '../text/langid.js';
import { DEEP_LANGS } from '../text/langdata.js';
import { stopwordLanguages } from '../text/lexicon.js';
import { words, type Token } from '../text/tokens.js';
import { hasLetters } from '../text/charclass.js';

/** Letters a block needs before its own language is guessed; shorter blocks take the page's. */
const MIN_LETTERS = 25;

/** Share of a block's words that must be the page language's stop words for it to pass as that language unchecked. */
const PAGE_STOPWORD_SHARE = 0.2;

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

/** The body text's words with their stop-word masks (stopwordLanguages), as the analysis already has them. */
export interface BodyWords {
  text: string;
  tokens: Pick<Token, 'start'>[];
  stopMasks: number[];
}

/**
 * A block reads as the page's language when that language's stop words are common in it and no other analysed
 * language's are more so: running detection on every block would cost more than detecting the page itself.
 */
function plainlyPageLanguage(masks: number[], pageLang: string): boolean {
  const page = DEEP_LANGS.indexOf(pageLang);
  if (page < 0) return false;
  const counts = new Array<number>(DEEP_LANGS.length).fill(0);
  for (const mask of masks) if (mask) for (let bit = 0; bit < counts.length; bit++) if (mask & (1 << bit)) counts[bit]!++;
  const own = counts[page]!;
  return own >= PAGE_STOPWORD_SHARE * masks.length && counts.every((n) => n <= own);
}

/** A block as language identification reads it (a block with no kind is not the title). */
type LangBlock = Pick<Block, 'index' | 'text' | 'kept'> & Partial<Pick<Block, 'kind'>>;

/**
 * The stop-word masks of each block's words. Body blocks (kept, not the title) are the body text, joined by blank
 * lines: their words are the body's, read off by offset; other blocks are tokenised here.
 */
function blockMasks(blocks: LangBlock[], body: BodyWords | undefined): number[][] {
  let offset = 0;
  let k = 0;
  return blocks.map((b) => {
    if (!b.kept) return [];
    // A block that is not where the body text has it (a document built by hand) is read on its own.
    if (!body || b.kind === 'title' || !body.text.startsWith(b.text, offset)) return words(b.text).map(stopwordMask);
    const end = offset + b.text.length;
    const masks: number[] = [];
    while (k < body.tokens.length && body.tokens[k]!.start < offset) k++;
    while (k < body.tokens.length && body.tokens[k]!.start < end) masks.push(body.stopMasks[k++]!);
    offset = end + 2;
    return masks;
  });
}

/** The language of each kept block: its own when identified with confidence, else the page's. */
export function blockLanguages(blocks: LangBlock[], pageLang: string, body?: BodyWords): BlockLang[] {
  const masks = blockMasks(blocks, body);
  return blocks.flatMap((b, k) => {
    if (!b.kept) return [];
    if (!hasLetters(b.text, MIN_LETTERS)) return [{ index: b.index, lang: pageLang, confidence: 0 }];
    if (plainlyPageLanguage(masks[k]!, pageLang)) return [{ index: b.index, lang: pageLang, confidence: 0.9 }];
    const guess = identifyLanguage(b.text);
    const own = guess.lang !== 'und' && (guess.lang === pageLang || guess.confidence >= 0.5);
    return [{ index: b.index, lang: own ? guess.lang : pageLang, confidence: own ? guess.confidence : 0 }];
  });
}
