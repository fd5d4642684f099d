// HTML main content: Readability (on a linkedom DOM) picks the article; every other text block is kept as dropped.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { scanHtml, type HtmlBlock, type ScannedHtml } from './htmlblocks.js';

/** Past this many elements Readability is not run (bounded time); the page falls back to block rules alone. */
const MAX_ELEMENTS = 40_000;
/** Deeper than this, the DOM step is skipped (its tree walks would take minutes); deeper than MAX_DEPTH, the page is refused. */
const DOM_DEPTH_LIMIT = 1_000;
export const MAX_DEPTH = 10_000;
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param']);

/** Deepest element nesting, by a linear scan of the tags (no parser, so any page is measured in bounded time). */
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
const MIN_ARTICLE_CHARS = 140;

export interface MainContent {
  page: ScannedHtml;
  /** Page blocks in order, each marked as inside or outside the main content. */
  blocks: { block: HtmlBlock; inMain: boolean }[];
  readabilityTitle: string | null;
  byline: string | null;
  /** Why the main-content step was skipped, when it was. */
  fallback: string | null;
}

function runReadability(html: string): { blocks: HtmlBlock[]; title: string | null; byline: string | null } | string {
  try {
    const { document } = parseHTML(html);
    const parsed = new Readability(document as never, { maxElemsToParse: MAX_ELEMENTS, charThreshold: 300 }).parse();
    if (!parsed?.content || (parsed.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) return 'no main content found';
    return { blocks: scanHtml(parsed.content).blocks, title: parsed.title ?? null, byline: parsed.byline ?? null };
  } catch (err) {
    return `main-content step failed: ${(err as Error).message.slice(0, 120)}`;
  }
}

/** Mark each page block as main content when Readability kept it (matching text, in order of appearance). */
export function mainContent(html: string, depth = nestingDepth(html)): MainContent {
  const page = scanHtml(html);
  const result = depth > DOM_DEPTH_LIMIT ? `main-content step skipped: page nested ${depth} levels deep` : runReadability(html);
  if (typeof result === 'string') {
    return { page, blocks: page.blocks.map((block) => ({ block, inMain: true })), readabilityTitle: null, byline: null, fallback: result };
  }
  const wanted = new Map<string, number>();
  for (const b of result.blocks) wanted.set(b.text, (wanted.get(b.text) ?? 0) + 1);
  const blocks = page.blocks.map((block) => {
    const left = wanted.get(block.text) ?? 0;
    if (left > 0) wanted.set(block.text, left - 1);
    return { block, inMain: left > 0 };
  });
  // Readability sometimes rewrites blocks (joins or splits them); its text then stands as it gave it.
  for (const b of result.blocks) {
    if ((wanted.get(b.text) ?? 0) > 0) {
      blocks.push({ block: b, inMain: true });
      wanted.set(b.text, wanted.get(b.text)! - 1);
    }
  }
  return { page, blocks, readabilityTitle: result.title, byline: result.byline, fallback: null };
}
