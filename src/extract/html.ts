// HTML main content: one streaming pass gives the page's blocks and element tree; the content scorer picks the article.
import { chooseContent } from './content.js';
import { scanHtml, type HtmlBlock, type ScannedHtml } from './htmlblocks.js';

/** Deeper than this the page is refused (a real page nests a few dozen levels). */
export const MAX_DEPTH = 10_000;

export interface MainContent {
  page: ScannedHtml;
  /** Page blocks in order, each marked as inside or outside the main content, with the reason when outside. */
  blocks: { block: HtmlBlock; inMain: boolean; reason: string | null }[];
  byline: string | null;
}

/** Mark each page block as main content or not; a page nested deeper than MAX_DEPTH is only scanned. */
export function mainContent(html: string): MainContent {
  const page = scanHtml(html);
  if (page.depth > MAX_DEPTH) return { page, blocks: [], byline: null };
  const choice = chooseContent(page);
  const blocks = page.blocks.map((block, i) => ({ block, inMain: choice.inMain[i]!, reason: choice.reasons[i]! }));
  return { page, blocks, byline: choice.byline };
}
