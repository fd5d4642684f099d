// The block classifier: each line or paragraph of a page is kept or dropped, with the reason, by small named rules.
import type { Block } from '../model.js';
import { allStopwords } from '../text/lexicon.js';
import { foldWord } from '../text/normalize.js';
import { boundedMemo } from '../text/memo.js';
import { countWords, words } from '../text/tokens.js';
import { boilerplateReason, isCreditLine, phraseKey } from './rules.js';

export interface ClassifyOptions {
  /** A title the input already gave; a line equal to it is the title. */
  titleHint?: string | null;
  /** Plain text: the first short line may be the title. HTML has its title elsewhere. */
  detectTitle: boolean;
  /**
   * The page's structure already chose the article (HTML): the rules that guess its edges and repeats from text
   * alone are skipped (inside an article, table cells, list items and recipe steps repeat legitimately).
   */
  structured?: boolean;
  /** Comparison keys of the lines that recur across the source's articles. */
  siteTemplates?: ReadonlySet<string>;
}

const MAX_TITLE_WORDS = 30;
/** Fewest content words a block needs before "it shares no word with the article" means anything. */
const MIN_TEASER_CONTENT_WORDS = 3;
const MAX_TEASER_WORDS = 45;
/** A teaser's blurb is one short sentence; article paragraphs run longer. */
const MAX_BLURB_WORDS = 24;
/** A paragraph sharing no word with the article means little in a short article: blurbs are judged only in longer ones. */
const MIN_PARAGRAPHS_FOR_BLURBS = 6;
/** Links listed under a "related" or "read also" label. */
const MAX_LISTED_LINKS = 3;
/** Fewest paragraphs an article needs before lexical cohesion is trusted to find teasers. */
const MIN_PARAGRAPHS_FOR_COHESION = 4;

// Classification asks the word count of the same lines many times.
const counted = new Map<string, number>();
function wordCount(text: string): number {
  let n = counted.get(text);
  if (n === undefined) {
    if (counted.size > 50_000) counted.clear();
    n = countWords(text);
    counted.set(text, n);
  }
  return n;
}

/** A line that reads as running text rather than a label, link or headline (headlines run to 20-odd words, unpunctuated). */
export function isParagraphLike(text: string): boolean {
  const n = wordCount(text);
  return n >= 25 || (n >= 5 && /[.!?…:;]['"”»“)]?$/.test(text.trim()));
}

function drop(block: Block, reason: string): void {
  block.kept = false;
  block.kind = 'noise';
  block.reason = reason;
}

/** A menu or breadcrumb: three or more short items between separators ("Home | World | Sport", "A > B > C"). */
export function isNavigationLine(text: string): boolean {
  const items = text.split(/\s+[|•·›»>/]\s+|\s*\|\s*/).filter((s) => s.trim() !== '');
  return items.length >= 3 && items.every((s) => s.split(/\s+/).length <= 4);
}

/** Keyed rules: known phrases and patterns from the language data files, and menu shapes. */
function markKnownBoilerplate(blocks: Block[]): void {
  for (const b of blocks) {
    const reason = boilerplateReason(b.text) ?? (isNavigationLine(b.text) ? 'navigation' : null);
    if (reason) drop(b, reason);
  }
}

/** From the first comment-thread marker after the article began, the rest of the page is reader comments. */
function markCommentThread(blocks: Block[]): void {
  const firstParagraph = blocks.findIndex((b) => b.kept && isParagraphLike(b.text));
  if (firstParagraph < 0) return;
  const start = blocks.findIndex((b, i) => i > firstParagraph && b.reason === 'comments');
  if (start < 0) return;
  const before = blocks[start - 1];
  // The commenter's name line ("1. vasta") sits just above the first comment's metadata.
  if (before && before.kept && wordCount(before.text) <= 3 && !/[.!?]$/.test(before.text)) drop(before, 'reader comments');
  for (let i = start + 1; i < blocks.length; i++) if (blocks[i]!.kept) drop(blocks[i]!, 'reader comments');
}

/** The short lines right under a bare "related" or "read also" label are the links it lists. */
function markListedLinks(blocks: Block[]): void {
  blocks.forEach((label, i) => {
    if (label.kept || (label.reason !== 'related' && label.reason !== 'recommendation')) return;
    for (let j = i + 1; j <= i + MAX_LISTED_LINKS && j < blocks.length; j++) {
      const b = blocks[j]!;
      if (!b.kept || b.kind !== 'body' || isParagraphLike(b.text) || !looksLikeTitle(b.text)) break;
      drop(b, 'related');
    }
  });
}

/** The comparison key of a line, without a trailing " | Site name" as page titles carry. */
function repeatKey(text: string): string {
  return phraseKey(text.replace(/\s+[|–—]\s+[^|–—]{2,40}$/, ''));
}

/** A line seen before on the page (a headline printed two or three times) is dropped after its first showing. */
function markRepeats(blocks: Block[]): void {
  const seen = new Set<string>();
  for (const b of blocks) {
    const key = repeatKey(b.text);
    if (!key) continue;
    if (seen.has(key) && b.kept) drop(b, 'repeated line');
    seen.add(key);
  }
}

function looksLikeTitle(text: string): boolean {
  const n = wordCount(text);
  const t = text.trim();
  // A line wholly in brackets is a caption or a note, never the headline.
  return n >= 2 && n <= MAX_TITLE_WORDS && !/[.:;,]$/.test(t) && !/^[([].*[)\]]$/.test(t);
}

/** Of the short lines above the text, the headline is the fullest: bylines, credits and section labels are shorter. */
function fullest(candidates: Block[]): Block | undefined {
  let best: Block | undefined;
  for (const b of candidates) if (!best || wordCount(b.text) >= wordCount(best.text)) best = b;
  return best;
}

/**
 * The title: the line equal to the given title; else, among the short lines before the first paragraph, one the page
 * repeats (headlines are printed more than once), else the fullest one.
 */
function markTitle(blocks: Block[], opts: ClassifyOptions): void {
  const kept = blocks.filter((b) => b.kept);
  const hint = opts.titleHint ? repeatKey(opts.titleHint) : null;
  let candidate = hint ? kept.find((b) => repeatKey(b.text) === hint) : undefined;
  if (!candidate && opts.detectTitle) {
    const firstParagraph = kept.findIndex((b) => isParagraphLike(b.text));
    const head = kept.slice(0, firstParagraph < 0 ? 1 : firstParagraph).filter((b) => looksLikeTitle(b.text));
    const repeated = new Set(blocks.filter((b) => b.reason === 'repeated line').map((b) => repeatKey(b.text)));
    candidate = head.find((b) => repeated.has(repeatKey(b.text))) ?? fullest(head);
    // A page that starts straight with a short line of running text has no title line.
    if (!candidate && firstParagraph === 0 && looksLikeTitle(kept[0]!.text) && wordCount(kept[0]!.text) <= 14 && !/[.]$/.test(kept[0]!.text)) candidate = kept[0];
  }
  if (!candidate) return;
  candidate.kind = 'title';
  candidate.reason = 'title';
  const key = repeatKey(candidate.text);
  for (const b of blocks) if (!b.kept && b.reason === 'repeated line' && repeatKey(b.text) === key) b.reason = 'repeated headline';
}

/** Short lines before the first paragraph or after the last are page furniture; between paragraphs, headings. */
function markEdges(blocks: Block[]): void {
  const body = blocks.filter((b) => b.kept && b.kind === 'body');
  const paragraphs = body.filter((b) => isParagraphLike(b.text));
  if (paragraphs.length === 0) return;
  const first = paragraphs[0]!.index;
  const last = paragraphs[paragraphs.length - 1]!.index;
  for (const b of body) {
    if (isParagraphLike(b.text)) continue;
    if (isCreditLine(b.text)) {
      b.kind = 'credit';
      b.reason = 'source credit';
    } else if (b.index < first) drop(b, 'short line before the article');
    else if (b.index > last) drop(b, 'short line after the article');
    else {
      b.kind = 'heading';
      b.reason = 'heading';
    }
  }
}

/** Length of the crude stem used for cohesion: enough to tell words apart, short enough to meet inflections. */
const COHESION_STEM = 5;

/** A word's crude stem, or null for short words, stop words of any analysed language and numbers; remembered. */
const cohesionStem = boundedMemo((word: string): string | null => {
  const lower = word.toLowerCase();
  return lower.length < 3 || allStopwords().has(lower) || /^\d/.test(lower) ? null : foldWord(lower).slice(0, COHESION_STEM);
}, 100_000);

/** Content words as crude stems; language-free (stop words of every analysed language), as this runs before language id. */
function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const stem = cohesionStem(w);
    if (stem !== null) out.push(stem);
  }
  return out;
}

/**
 * A short heading that shares not one content word with the article (title included) is the headline of another story
 * placed mid-page; the blurb right under such a headline goes with it. A paragraph on its own is never judged by
 * vocabulary alone: short news paragraphs often share no word with their neighbours.
 */
function markUnrelatedTeasers(blocks: Block[]): void {
  const body = blocks.filter((b) => b.kept && (b.kind === 'body' || b.kind === 'heading' || b.kind === 'title'));
  const paragraphs = body.filter((b) => isParagraphLike(b.text)).length;
  if (paragraphs < MIN_PARAGRAPHS_FOR_COHESION) return;
  // Only a short heading can be a teaser: most pages have none, and need no stems at all.
  if (!body.some((b) => b.kind === 'heading' && wordCount(b.text) <= MAX_TEASER_WORDS)) return;
  // Stems are worked out block by block as needed: a heading usually shares a word with the first paragraphs.
  const stemsOf = new Map<Block, Set<string>>();
  const stems = (b: Block): Set<string> => stemsOf.get(b) ?? stemsOf.set(b, new Set(contentStems(b.text))).get(b)!;
  const sharesStem = (b: Block): boolean => {
    const own = [...stems(b)];
    return body.some((other) => other !== b && own.some((s) => stems(other).has(s)));
  };
  const unrelated = (b: Block): boolean => wordCount(b.text) <= MAX_TEASER_WORDS && stems(b).size >= MIN_TEASER_CONTENT_WORDS && !sharesStem(b);
  for (const b of body) {
    if (b.kind !== 'heading' || !unrelated(b)) continue;
    drop(b, 'unrelated teaser');
    const next = blocks[b.index + 1];
    if (paragraphs >= MIN_PARAGRAPHS_FOR_BLURBS && next && next.kept && next.kind === 'body' && wordCount(next.text) <= MAX_BLURB_WORDS && unrelated(next)) drop(next, 'unrelated teaser');
  }
}

/** Body lines the source prints on many of its pages (not titles, not source credits) are its template. */
function markSiteTemplates(blocks: Block[], templates: ReadonlySet<string> | undefined): void {
  if (!templates?.size) return;
  for (const b of blocks) if (b.kept && (b.kind === 'body' || b.kind === 'heading') && templates.has(phraseKey(b.text))) drop(b, 'site-template');
}

/** Classify the lines of a page; every block keeps its decision and reason. */
export function classifyBlocks(lines: string[], opts: ClassifyOptions): Block[] {
  const blocks: Block[] = lines.map((text, index) => ({ index, text, kept: true, kind: 'body', reason: 'body' }));
  markKnownBoilerplate(blocks);
  markCommentThread(blocks);
  if (!opts.structured) markRepeats(blocks);
  markTitle(blocks, opts);
  if (!opts.structured) {
    markListedLinks(blocks);
    markEdges(blocks);
  }
  markSiteTemplates(blocks, opts.siteTemplates);
  if (!opts.structured) markUnrelatedTeasers(blocks);
  return blocks;
}
