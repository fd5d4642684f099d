// Extract room: RawDoc → Document (kept text, blocks kept or dropped with reasons, title, date, source).
import type { Block, Document, RawDoc, Reject } from '../model.js';
import { identifyLanguage } from '../text/langid.js';
import { normalizeText, squashSpaces } from '../text/normalize.js';
import { splitSentences } from '../text/sentences.js';
import { classifyBlocks } from './blocks.js';
import { MAX_DEPTH, mainContent, nestingDepth } from './html.js';
import { textDateline } from './dateline.js';
import { pagePublicationDate } from './htmldates.js';
import { cleanTitle, hostOf, htmlAuthor, htmlSiteName, urlDate, type FoundDate } from './metadata.js';
import { isoDate } from '../ingest/records.js';
import { repairRecord } from '../ingest/mojibake.js';

const MAX_DERIVED_TITLE = 120;

function bodyText(blocks: Block[]): string {
  return blocks
    .filter((b) => b.kept && b.kind !== 'title')
    .map((b) => b.text)
    .join('\n\n');
}

function lines(text: string): string[] {
  return normalizeText(text)
    .split('\n')
    .map(squashSpaces)
    .filter((l) => l !== '');
}

// A wire dateline before the lead: "NEW YORK (CPA) – ", "ISMAILIA, Egypt, March 29 (Reuters) — ", "BERLÍN. ".
const DATELINE = /^(?:\p{Lu}[\p{Lu}\p{Ll}\s,.'\d-]{0,40}\([^)]{1,30}\)\s*[-–—:]\s*|\p{Lu}[\p{Lu}\s'-]{2,30}\.\s+)/u;

/** A title from the first real sentence (dateline removed) when the page had none. */
function derivedTitle(text: string): string {
  const head = text.slice(0, 2000);
  const spans = splitSentences(head, identifyLanguage(head).lang);
  const first = spans.find((s) => text.slice(s.start, s.end).split(/\s+/).length >= 4) ?? spans[0];
  const sentence = (first ? text.slice(first.start, first.end) : text.slice(0, MAX_DERIVED_TITLE)).replace(DATELINE, '');
  return sentence.length > MAX_DERIVED_TITLE ? `${sentence.slice(0, MAX_DERIVED_TITLE - 1).replace(/\s+\S*$/, '')}…` : sentence;
}

function inputDate(raw: RawDoc): FoundDate | null {
  const date = raw.date ? isoDate(raw.date.slice(0, 10)) : null;
  return date ? { date, source: raw.dateSource ?? 'input' } : null;
}

function foundInText(blocks: Block[], lang: string | null): FoundDate | null {
  const date = textDateline(blocks, lang);
  return date ? { date, source: 'text' } : null;
}

function fromText(raw: RawDoc): Omit<Document, 'origin' | 'format' | 'meta' | 'warnings'> {
  const textLines = lines(raw.text ?? '');
  const blocks = classifyBlocks(textLines, { titleHint: raw.title ?? null, detectTitle: true, siteTemplates: new Set(raw.siteTemplates) });
  const date = inputDate(raw) ?? urlDate(raw.url) ?? foundInText(blocks, raw.lang ?? null);
  const title = raw.title ?? blocks.find((b) => b.kind === 'title')?.text ?? null;
  return finish(raw, blocks, { title, date, source: null, author: null, canonical: null });
}

/** A kept body line the page marks up as a heading (h2 "The reaction") is a heading of the article. */
function asHeading(block: Block, tag: string): Block {
  return block.kept && block.kind === 'body' && /^h[1-6]$/.test(tag) ? { ...block, kind: 'heading', reason: 'heading' } : block;
}

const STANDFIRST_REASON = 'standfirst: the page shows no article body';
const MIN_STANDFIRST = 80;
const SUMMARY_PREFIX = 50;

/** Text compared loosely: case, spacing and quote styles aside. */
function loose(text: string): string {
  return squashSpaces(text).toLowerCase().replace(/[“”«»„"']/g, '');
}

/**
 * A page whose body is not in the markup (a live blog filled by script, a video page) still shows its headline and
 * standfirst; the block the publisher's own summary (meta description) repeats is kept as the article's text.
 */
function keepStandfirst(blocks: Block[], summary: string | undefined): Block[] {
  if (!summary || blocks.some((b) => b.kept && b.kind !== 'title')) return blocks;
  const head = loose(summary).slice(0, SUMMARY_PREFIX);
  if (head.length < SUMMARY_PREFIX) return blocks;
  const lead = blocks.find((b) => b.text.length >= MIN_STANDFIRST && loose(b.text).startsWith(head));
  return lead ? blocks.map((b) => (b === lead ? { ...b, kept: true, kind: 'body', reason: STANDFIRST_REASON } : b)) : blocks;
}

function fromHtml(raw: RawDoc): Omit<Document, 'origin' | 'format' | 'meta' | 'warnings'> {
  const main = mainContent(raw.html ?? '');
  const meta = main.page.meta;
  const inMain = main.blocks.filter((b) => b.inMain).map((b) => b.block.text);
  const classified = classifyBlocks(inMain, { titleHint: raw.title ?? meta.meta.get('og:title') ?? meta.h1, detectTitle: false, structured: true });
  // Page order: main-content blocks carry their classification; the rest are dropped as outside the article.
  let next = 0;
  const paged: Block[] = main.blocks.map((b, index) => {
    const block: Block = b.inMain
      ? { ...asHeading(classified[next++]!, b.block.tag), index }
      : { index, text: b.block.text, kept: false, kind: 'noise', reason: b.reason ?? 'outside main content' };
    return block;
  });
  const blocks = keepStandfirst(paged, meta.meta.get('description') ?? meta.meta.get('og:description'));
  const siteName = htmlSiteName(meta);
  const url = raw.url ?? meta.canonical ?? meta.meta.get('og:url') ?? null;
  const rawTitle = raw.title ?? meta.meta.get('og:title') ?? meta.title ?? meta.h1;
  const date = inputDate(raw) ?? pagePublicationDate(raw.html ?? '', url, { head: meta });
  const result = finish(raw, blocks, {
    title: rawTitle ? cleanTitle(squashSpaces(rawTitle), siteName) : null,
    date,
    source: siteName,
    author: htmlAuthor(meta) ?? main.byline,
    canonical: meta.canonical,
    pageLang: meta.lang ? meta.lang.slice(0, 2).toLowerCase() : null,
  });
  return { ...result, url: result.url ?? url ?? undefined };
}

interface Found {
  title: string | null;
  date: FoundDate | null;
  source: string | null;
  author: string | null;
  canonical: string | null;
  pageLang?: string | null;
}

function finish(raw: RawDoc, blocks: Block[], found: Found): Omit<Document, 'origin' | 'format' | 'meta' | 'warnings'> {
  const text = bodyText(blocks);
  const title = found.title ?? (text ? derivedTitle(text) : '');
  return {
    recordId: raw.recordId,
    url: raw.url,
    title,
    titleDerived: !found.title,
    text,
    published: found.date?.date ?? null,
    publishedSource: found.date?.source ?? null,
    source: raw.source ?? found.source ?? hostOf(raw.url ?? found.canonical),
    author: found.author,
    canonicalUrl: found.canonical,
    langHint: raw.lang ?? null,
    pageLang: found.pageLang ?? null,
    blocks,
  };
}

/** Clean one raw record; a record with no article text left becomes a reject. */
export function extract(input: RawDoc): Document | Reject {
  const raw = repairRecord(input);
  const warnings = [...raw.warnings];
  let core: Omit<Document, 'origin' | 'format' | 'meta' | 'warnings'>;
  if (raw.html !== undefined && (raw.text === undefined || raw.format === 'html')) {
    const depth = nestingDepth(raw.html);
    if (depth > MAX_DEPTH) return { origin: raw.origin, reason: `hostile HTML: elements nested ${depth} levels deep (limit ${MAX_DEPTH})` };
    core = fromHtml(raw);
  } else core = fromText(raw);
  if (core.text.trim() === '') {
    const reason = core.blocks.length === 0 ? 'no text in document' : 'no article text left after removing boilerplate';
    return { origin: raw.origin, reason };
  }
  if (core.blocks.some((b) => b.reason === STANDFIRST_REASON)) warnings.push('no article body in the page: its standfirst is kept as the text');
  return { ...core, origin: raw.origin, format: raw.format, meta: raw.meta, warnings };
}

export function isReject(x: Document | Reject): x is Reject {
  return 'reason' in x && !('blocks' in x);
}
