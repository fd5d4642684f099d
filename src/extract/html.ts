// HTML main content: one streaming pass gives the page's blocks and element tree; the content scorer picks the article.
import { chooseContent } from './content.js';
import { scanHtml, type HtmlBlock, type ScannedHtml } from './htmlblocks.js';

/** Deeper than this the page is refused (a real page nests a few dozen levels). */
export const MAX_DEPTH = 10_000;
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param']);

/**
 * Deepest element nesting, by a linear scan of the tags. It runs before the parser, whose open-element stack
 * costs time quadratic in the depth (100k levels take half a minute).
 */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (VOID_TAGS.has(name) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

export interface MainContent {
  page: ScannedHtml;
  /** Page blocks in order, each marked as inside or outside the main content, with the reason when outside. */
  blocks: { block: HtmlBlock; inMain: boolean; reason: string | null }[];
  byline: string | null;
}

/** Mark each page block as main content or not. */
export function mainContent(html: string): MainContent {
  const page = scanHtml(html);
  const choice = chooseContent(page);
  const blocks = page.blocks.map((block, i) => ({ block, inMain: choice.inMain[i]!, reason: choice.reasons[i]! }));
  return { page, blocks, byline: choice.byline };
}
