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

/** Characters of paragraphs segmented together: see splitSentences. */
const CHUNK = 600;

/**
 * Sentence spans of `text` (offsets into it), whitespace trimmed; paragraphs never share a sentence. Paragraphs are
 * segmented together, about CHUNK characters at a time, cut after a line feed: each segment() call clones ICU's break
 * iterator, and each segment read copies the whole input string, so one call per paragraph costs time and one call
 * for the text costs memory (a 3 KB text allocated 250 KB). ICU breaks after every line feed (UAX #29, rule SB4) and
 * no rule looks past one, so the segments are those of each paragraph alone.
 */
export function splitSentences(text: string, lang: string): Span[] {
  const abbreviations = abbreviationsFor(lang);
  const segmenter = segmenterFor(lang);
  const spans: Span[] = [];
  let pendingStart = -1;
  for (let from = 0; from < text.length; ) {
    const feed = text.indexOf('\n', from + CHUNK);
    const to = feed < 0 ? text.length : feed + 1;
    for (const seg of segmenter.segment(text.slice(from, to))) {
      const start = pendingStart >= 0 ? pendingStart : from + seg.index;
      const end = from + seg.index + seg.segment.length;
      if (!seg.segment.endsWith('\n') && endsInAbbreviation(seg.segment, abbreviations)) {
        pendingStart = start;
        continue;
      }
      pendingStart = -1;
      pushTrimmed(spans, text, start, end);
    }
    from = to;
  }
  if (pendingStart >= 0) pushTrimmed(spans, text, pendingStart, text.length);
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
