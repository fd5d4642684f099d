// Time analysis of an article: its temporal expressions, and a publication date range inferred when none is given.
import type { InferredDate, TimeAnalysis } from '../../model.js';
import { pad, parseAnchor, shiftMonth } from './calendar.js';
import { tagTimes, type Tagged } from './tagger.js';

/** Relative and absolute expressions this close ("next year, in 2019") name the same period. */
const APPOSITION = /^[\s,;:(–—-]*(?:\p{L}{1,3}\s+)?$/u;
const PAIRED_CONFIDENCE = 0.6;
const BOUNDED_CONFIDENCE = 0.3;
/** A range wider than this says too little to resolve against. */
const MAX_BOUNDED_DAYS = 366;

function resolved(t: Tagged): boolean {
  return !!t.interval && !t.value.includes('X');
}

/** The period a relative expression was counted from, given the absolute one beside it. */
function pairedAnchor(rel: NonNullable<Tagged['rel']>, absolute: string): [string, string] | null {
  const a = parseAnchor(absolute);
  if (!a) return null;
  if (rel.unit === 'Y' && /^\d{4}$/.test(absolute)) return [`${pad(a.y - rel.n, 4)}-01-01`, `${pad(a.y - rel.n, 4)}-12-31`];
  if (rel.unit === 'M' && a.m !== undefined && a.d === undefined) {
    const month = shiftMonth(a.y, a.m, -rel.n);
    return [`${month}-01`, `${month}-${pad(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate())}`];
  }
  return null;
}

function days(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/**
 * A publication date range from the article's own words: a relative expression set beside an absolute one fixes it
 * ("next year, in 2019" → 2018); otherwise what happened bounds it from below and what is planned from above.
 * Never a day it was not told.
 */
export function inferPublication(found: Tagged[], text: string): InferredDate | null {
  const ranges: [string, string][] = [];
  const basis: string[] = [];
  for (let i = 0; i < found.length; i++) {
    const t = found[i]!;
    if (!t.rel || resolved(t)) continue;
    for (const o of [found[i - 1], found[i + 1]]) {
      if (!o || !resolved(o) || o.rel) continue;
      const gap = o.span.start > t.span.end ? text.slice(t.span.end, o.span.start) : text.slice(o.span.end, t.span.start);
      const range = APPOSITION.test(gap) ? pairedAnchor(t.rel, o.value) : null;
      if (range) {
        ranges.push(range);
        basis.push(`${t.text} / ${o.text}`);
      }
    }
  }
  if (ranges.length) {
    const start = ranges.map((r) => r[0]).sort().at(-1)!;
    const end = ranges.map((r) => r[1]).sort()[0]!;
    if (start <= end) return { start, end, inferred: true, basis, confidence: PAIRED_CONFIDENCE };
  }
  const happened = found.filter((t) => resolved(t) && t.mode === 'happened' && t.interval![0]).map((t) => t.interval![0]!).sort();
  const planned = found.filter((t) => resolved(t) && t.mode === 'planned' && t.interval![1]).map((t) => t.interval![1]!).sort();
  const lower = happened.at(-1);
  const upper = planned[0];
  if (lower && upper && lower <= upper && days(lower, upper) <= MAX_BOUNDED_DAYS) {
    return { start: lower, end: upper, inferred: true, basis: ['happened before, planned after'], confidence: BOUNDED_CONFIDENCE };
  }
  return null;
}

/** The coarsest anchor an inferred range supports: its month when it lies in one month, its year when in one year. */
export function anchorOfRange(start: string, end: string): string | null {
  if (start.slice(0, 7) === end.slice(0, 7)) return start.slice(0, 7);
  if (start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  return null;
}

/** Tag an article's text; with no publication date, infer a range and resolve against it, marked as inferred. */
export function analyzeTimes(text: string, lang: string, published: string | null): TimeAnalysis {
  const clean = (list: Tagged[]): TimeAnalysis['expressions'] => list.map(({ rel: _rel, ...t }) => t);
  if (published) return { expressions: clean(tagTimes(text, lang, published, { combine: true })), publishedInferred: null };
  const first = tagTimes(text, lang, null, { combine: true });
  const inferred = inferPublication(first, text);
  const anchor = inferred && anchorOfRange(inferred.start, inferred.end);
  const expressions = anchor ? tagTimes(text, lang, anchor, { combine: true, anchorInferred: true }) : first;
  return { expressions: clean(expressions), publishedInferred: inferred };
}
