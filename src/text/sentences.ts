// Sentence splitting: ICU's sentence segmenter (Intl.Segmenter), repaired after the abbreviations each language lists.
import type { Span } from '../model.js';
import { langLines } from './langdata.js';

const segmenters = new Map<string, Intl.Segmenter>();
const abbreviationSets = new Map<string, Set<string>>();

function segmenterFor(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang === 'und' ? 'en' : lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

function abbreviationsFor(lang: string): Set<string> {
  let set = abbreviationSets.get(lang);
  if (!set) {
    set = new Set(langLines(lang, 'abbreviations.txt').map((a) => a.trim().toLowerCase()));
    abbreviationSets.set(lang, set);
  }
  return set;
}

/** True when a segment ends in a listed abbreviation or a single initial ("J."), so the sentence goes on. */
function endsInAbbreviation(segment: string, abbreviations: Set<string>): boolean {
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const lastWord = trimmed.slice(trimmed.lastIndexOf(' ') + 1).replace(/^[("“«„'‘]+/, '');
  if (/^\p{Lu}\.$/u.test(lastWord)) return true;
  return abbreviations.has(lastWord.toLowerCase());
}

/** Characters of paragraphs segmented together: see icuSegments. */
const CHUNK = 600;
/** Longest run read in one segment() call; a longer paragraph is read window by window (see icuSegments). */
export const WINDOW = 2_000;

/** Ends of ICU's first `max` sentence segments of text[from, to), as offsets into `text`. */
function segmentEnds(segmenter: Intl.Segmenter, text: string, from: number, to: number, max: number): number[] {
  const ends: number[] = [];
  for (const seg of segmenter.segment(text.slice(from, to))) {
    ends.push(from + seg.index + seg.segment.length);
    if (ends.length >= max) break;
  }
  return ends;
}

/**
 * The ends of ICU's sentence segments of the whole text, read about CHUNK characters at a time, cut after a line
 * feed: each segment() call clones ICU's break iterator, and each segment read copies the whole input string (a 3 KB
 * text read at once allocated 250 KB; a 500 KB line took 9 s). ICU breaks after every line feed (UAX #29, rule SB4)
 * and no rule looks past one, so the segments are those of each paragraph alone. A longer run is read WINDOW
 * characters at a time, keeping all but a window's last two segments, which may run on past it: the next window
 * starts at a break, where ICU sees the same text on both sides. A window with fewer segments is widened, reading
 * only up to its third segment, so that no read copies a long text many times.
 */
function icuSegments(segmenter: Intl.Segmenter, text: string): number[] {
  const ends: number[] = [];
  for (let from = 0; from < text.length; ) {
    const feed = text.indexOf('\n', from + CHUNK);
    const to = feed < 0 ? text.length : feed + 1;
    let kept: number[] = [];
    for (let window = WINDOW; !kept.length; window *= 2) {
      const end = Math.min(to, from + window);
      const found = segmentEnds(segmenter, text, from, end, window > WINDOW ? 3 : Infinity);
      kept = end === to && (window === WINDOW || found.length < 3) ? found : found.slice(0, -2);
    }
    ends.push(...kept);
    from = kept[kept.length - 1]!;
  }
  return ends;
}

/** Sentence spans of `text` (offsets into it), whitespace trimmed; paragraphs never share a sentence. */
export function splitSentences(text: string, lang: string): Span[] {
  const abbreviations = abbreviationsFor(lang);
  const spans: Span[] = [];
  let start = 0;
  let pendingStart = -1;
  for (const end of icuSegments(segmenterFor(lang), text)) {
    const segment = text.slice(start, end);
    const from = pendingStart >= 0 ? pendingStart : start;
    start = end;
    if (!segment.endsWith('\n') && endsInAbbreviation(segment, abbreviations)) {
      pendingStart = from;
      continue;
    }
    pendingStart = -1;
    pushTrimmed(spans, text, from, end);
  }
  if (pendingStart >= 0) pushTrimmed(spans, text, pendingStart, text.length);
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
