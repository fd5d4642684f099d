// A publication date written in the text itself: the dateline or byline at the head of a page with no other date.
import type { Block } from '../model.js';
import { identifyLanguage } from '../text/langid.js';
import { dayOrder, findDates } from './dateparse.js';
import { isParagraphLike } from './blocks.js';

/** Paragraphs of the article searched: the dateline opens the first; a byline may follow it. */
const HEAD_PARAGRAPHS = 2;
/** Dropped blocks that belong to other pages or to readers; their dates say nothing of this article. */
const FOREIGN = /comment|related|recommend|teaser|copyright|cookie|newsletter|advert|login|subscription/;

/** The head of the page: blocks up to the second paragraph, without comments, teasers and other pages' blocks. */
function headBlocks(blocks: Block[]): Block[] {
  const head: Block[] = [];
  let paragraphs = 0;
  for (const b of blocks) {
    if (FOREIGN.test(b.reason)) continue;
    head.push(b);
    if (b.kept && isParagraphLike(b.text) && ++paragraphs >= HEAD_PARAGRAPHS) break;
  }
  return head;
}

/** The first date written in the head of the page ("Washington, 30 settembre 2018", "Posted Sep 29, 2018"), or null. */
export function textDateline(blocks: Block[], lang: string | null, today = new Date().toISOString().slice(0, 10)): string | null {
  const head = headBlocks(blocks).map((b) => b.text).join('\n');
  // All-number dates read by the page's language; told from the text when the input did not say.
  const order = dayOrder(lang ?? identifyLanguage(head).lang);
  return findDates(head, order).find((d) => d.date <= today)?.date ?? null;
}
