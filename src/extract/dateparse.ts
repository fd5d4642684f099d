// Dates as pages write them: ISO, all-number (d/m/y or m/d/y by language), CJK, and month names of every analysed language.
import { DEEP_LANGS, langLines } from '../text/langdata.js';
import { foldKey } from '../text/normalize.js';

export type DayOrder = 'dmy' | 'mdy';

export interface DateMatch {
  /** ISO date YYYY-MM-DD. */
  date: string;
  start: number;
  end: number;
}

interface MonthData {
  /** Folded spelling → month number. */
  months: Map<string, number>;
  /** Alternation of every spelling, longest first, accented and folded forms. */
  pattern: string;
  orders: Map<string, DayOrder>;
}

let loaded: MonthData | null = null;

function monthData(): MonthData {
  if (loaded) return loaded;
  const months = new Map<string, number>();
  const spellings = new Set<string>();
  const orders = new Map<string, DayOrder>();
  for (const lang of DEEP_LANGS) {
    for (const line of langLines(lang, 'months.txt')) {
      const [key, names] = line.split('\t');
      if (key === 'order' && (names === 'dmy' || names === 'mdy')) orders.set(lang, names);
      const n = Number(key);
      if (!Number.isInteger(n) || n < 1 || n > 12 || !names) continue;
      for (const name of names.trim().split(/\s+/)) {
        months.set(foldKey(name), n);
        spellings.add(name).add(foldKey(name));
      }
    }
  }
  const pattern = [...spellings].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  loaded = { months, pattern, orders };
  return loaded;
}

/** How all-number dates read in a language: month first in English, day first elsewhere. */
export function dayOrder(lang: string | null | undefined): DayOrder {
  return (lang && monthData().orders.get(lang.slice(0, 2).toLowerCase())) || 'dmy';
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** A valid calendar date as ISO, or null. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

interface Patterns {
  iso: RegExp;
  compact: RegExp;
  ymd: RegExp;
  cjk: RegExp;
  numeric: RegExp;
  dayMonth: RegExp;
  monthDay: RegExp;
}

let patterns: Patterns | null = null;

function datePatterns(): Patterns {
  if (patterns) return patterns;
  const m = monthData().pattern;
  patterns = {
    iso: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g,
    // 20201123T05:02:35Z, as some meta tags write it.
    compact: /(?<!\d)(\d{4})(\d{2})(\d{2})T\d{2}/g,
    ymd: /(?<![\d.\/])(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d/])/g,
    cjk: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
    numeric: /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d/])/g,
    // 3. Mai 2018 · 30 settembre 2018 · 4 de mayo de 2018 · 1er mai 2018 · 29th Sept. 2018
    dayMonth: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|er|º|°|st|nd|rd|th)?\\s*(?:de\\s+)?(${m})(?!\\p{L})\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)`, 'giu'),
    // Sep 29, 2018 · September 29th 2018
    monthDay: new RegExp(`(?<!\\p{L})(${m})(?!\\p{L})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'giu'),
  };
  return patterns;
}

/** Every date written in a piece of text, in order of position; `order` reads all-number dates. */
export function findDates(text: string, order: DayOrder = 'dmy'): DateMatch[] {
  const p = datePatterns();
  const months = monthData().months;
  const found: DateMatch[] = [];
  const add = (m: RegExpExecArray, date: string | null): void => {
    if (date) found.push({ date, start: m.index, end: m.index + m[0].length });
  };
  for (const re of [p.iso, p.compact, p.ymd, p.cjk]) for (const m of text.matchAll(re)) add(m, isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of text.matchAll(p.numeric)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // A part over 12 can only be the day, whatever the language's habit.
    const monthFirst = a > 12 ? false : b > 12 ? true : order === 'mdy';
    add(m, monthFirst ? isoFromParts(twoDigitYear(m[4]!), a, b) : isoFromParts(twoDigitYear(m[4]!), b, a));
  }
  for (const m of text.matchAll(p.dayMonth)) add(m, isoFromParts(Number(m[3]), months.get(foldKey(m[2]!)) ?? 0, Number(m[1])));
  for (const m of text.matchAll(p.monthDay)) add(m, isoFromParts(Number(m[3]), months.get(foldKey(m[1]!)) ?? 0, Number(m[2])));
  // Overlapping matches (an ISO date inside a longer form) keep the first-starting, longest one.
  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: DateMatch[] = [];
  for (const d of found) if (!kept.length || d.start >= kept[kept.length - 1]!.end) kept.push(d);
  return kept;
}

/** The first date a string carries (a meta value, an attribute, a short line), or null. */
export function parseDate(text: string, order: DayOrder = 'dmy'): string | null {
  return findDates(text, order)[0]?.date ?? null;
}
