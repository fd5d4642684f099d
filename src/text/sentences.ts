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

/** Sentence spans of `text` (offsets into it), whitespace trimmed; paragraphs never share a sentence. */
export function splitSentences(text: string, lang: string): Span[] {
  const abbreviations = abbreviationsFor(lang);
  const spans: Span[] = [];
  let paragraphStart = 0;
  for (const paragraph of text.split(/\n/)) {
    let pending: Span | null = null;
    for (const seg of segmenterFor(lang).segment(paragraph)) {
      const start = paragraphStart + seg.index;
      const span: Span = pending ? { start: pending.start, end: start + seg.segment.length } : { start, end: start + seg.segment.length };
      if (endsInAbbreviation(seg.segment, abbreviations)) {
        pending = span;
        continue;
      }
      pending = null;
      pushTrimmed(spans, text, span);
    }
    if (pending) pushTrimmed(spans, text, pending);
    paragraphStart += paragraph.length + 1;
  }
  return spans;
}

function pushTrimmed(spans: Span[], text: string, span: Span): void {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
