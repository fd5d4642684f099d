// Language per block, for pages that mix languages (an English quote inside an Italian article, reader comments).
import type { Block, BlockLang } from '../model.js';
import { identifyLanguage } from '../text/langid.js';

/** Letters a block needs before its own language is guessed; shorter blocks take the page's. */
const MIN_LETTERS = 25;

/** The language of each kept block: its own when identified with confidence, else the page's. */
export function blockLanguages(blocks: Pick<Block, 'index' | 'text' | 'kept'>[], pageLang: string): BlockLang[] {
  return blocks
    .filter((b) => b.kept)
    .map((b) => {
      const letters = b.text.replace(/[^\p{L}]/gu, '').length;
      const guess = letters >= MIN_LETTERS ? identifyLanguage(b.text) : { lang: pageLang, confidence: 0 };
      const own = guess.lang !== 'und' && (guess.lang === pageLang || guess.confidence >= 0.5);
      return { index: b.index, lang: own ? guess.lang : pageLang, confidence: own ? guess.confidence : 0 };
    });
}
