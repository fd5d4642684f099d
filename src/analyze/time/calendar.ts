// Calendar arithmetic on TIMEX3 values: days, ISO weeks, periods and the day interval a value covers.
import type { TimeGranularity } from '../../model.js';

/** A possibly partial date: a publication date known to the year, month or day. */
export interface Anchor {
  y: number;
  m?: number;
  d?: number;
}

const DAY_MS = 86_400_000;

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function ymd(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function fromDate(t: Date): Anchor & { m: number; d: number } {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The day `n` days after a full date. */
export function addDays(a: Required<Anchor>, n: number): Required<Anchor> {
  return fromDate(new Date(utc(a.y, a.m, a.d).getTime() + n * DAY_MS)) as Required<Anchor>;
}

export function dayString(a: Required<Anchor>): string {
  return ymd(a.y, a.m, a.d);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(a: Required<Anchor>): number {
  return utc(a.y, a.m, a.d).getUTCDay() || 7;
}

/** ISO 8601 week of a day, as YYYY-Www. */
export function isoWeek(a: Required<Anchor>): string {
  const thursday = addDays(a, 4 - isoWeekday(a));
  const jan1 = utc(thursday.y, 1, 1).getTime();
  const week = Math.floor((utc(thursday.y, thursday.m, thursday.d).getTime() - jan1) / DAY_MS / 7) + 1;
  return `${pad(thursday.y, 4)}-W${pad(week)}`;
}

function isoWeekMonday(y: number, w: number): Required<Anchor> {
  const jan4 = { y, m: 1, d: 4 };
  return addDays(addDays(jan4, 1 - isoWeekday(jan4)), (w - 1) * 7);
}

/** Days between two full dates (b − a). */
export function dayDiff(a: Required<Anchor>, b: Required<Anchor>): number {
  return Math.round((utc(b.y, b.m, b.d).getTime() - utc(a.y, a.m, a.d).getTime()) / DAY_MS);
}

/** Parse YYYY, YYYY-MM or YYYY-MM-DD (a longer date-time keeps its date) into an anchor. */
export function parseAnchor(date: string | null | undefined): Anchor | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date ?? '');
  if (!m) return null;
  const a: Anchor = { y: Number(m[1]) };
  if (m[2]) a.m = Number(m[2]);
  if (m[3]) a.d = Number(m[3]);
  return a;
}

export function anchorString(a: Anchor): string {
  return a.d !== undefined ? ymd(a.y, a.m!, a.d) : a.m !== undefined ? `${pad(a.y, 4)}-${pad(a.m)}` : pad(a.y, 4);
}

const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

/** First and last day of the period a value names; null when the value is not a calendar period. */
function periodOf(value: string): [Required<Anchor>, Required<Anchor>] | null {
  let m: RegExpExecArray | null;
  const months = (y: number, from: number, to: number): [Required<Anchor>, Required<Anchor>] => {
    const end = fromDate(utc(y, to + 1, 0)) as Required<Anchor>;
    return [fromDate(utc(y, from, 1)) as Required<Anchor>, end];
  };
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) {
    const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    return [d, d];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return months(Number(m[1]), Number(m[2]), Number(m[2]));
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return months(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return months(Number(m[1]), Number(m[2]) * 6 - 5, Number(m[2]) * 6);
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return months(Number(m[1]), ...SEASON_MONTHS[m[2]!]!);
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const monday = isoWeekMonday(Number(m[1]), Number(m[2]));
    return [monday, addDays(monday, 6)];
  }
  if ((m = /^(\d{4})$/.exec(value))) return months(Number(m[1]), 1, 12);
  if ((m = /^(\d{3})$/.exec(value))) return [{ y: Number(m[1]) * 10, m: 1, d: 1 }, { y: Number(m[1]) * 10 + 9, m: 12, d: 31 }];
  if ((m = /^(\d{2})$/.exec(value))) return [{ y: Number(m[1]) * 100, m: 1, d: 1 }, { y: Number(m[1]) * 100 + 99, m: 12, d: 31 }];
  return null;
}

/** The part of a period a mod picks: its first, middle or last third. */
function partOf([s, e]: [Required<Anchor>, Required<Anchor>], mod: string | undefined): [Required<Anchor>, Required<Anchor>] {
  const len = dayDiff(s, e) + 1;
  if (len < 3 || !mod || !['START', 'MID', 'END'].includes(mod)) return [s, e];
  const monthsLong = (e.y - s.y) * 12 + e.m - s.m + 1;
  if (monthsLong >= 3) {
    // Month-aligned thirds: late 2018 is September to December, not 2 September.
    const third = monthsLong / 3;
    const at = (k: number): Required<Anchor> => fromDate(utc(s.y, s.m + Math.round(k), 1)) as Required<Anchor>;
    if (mod === 'START') return [s, addDays(at(third), -1)];
    if (mod === 'MID') return [at(third), addDays(at(2 * third), -1)];
    return [at(2 * third), e];
  }
  const third = Math.round(len / 3);
  if (mod === 'START') return [s, addDays(s, third - 1)];
  if (mod === 'MID') return [addDays(s, third), addDays(e, -third)];
  return [addDays(e, -third + 1), e];
}

type Interval = [string | null, string | null];

const intervals = new Map<string, Interval | null>();
/** Remembered intervals; cleared when it grows past this. */
const INTERVALS_LIMIT = 20_000;

/** The inclusive day interval a DATE or TIME value covers, narrowed by its mod; open on one side for BEFORE/AFTER. */
export function intervalOf(value: string, mod?: string): Interval | null {
  // The same values recur from article to article: each is worked out once (and handed out as a copy).
  const key = mod ? `${value} ${mod}` : value;
  let interval = intervals.get(key);
  if (interval === undefined) {
    interval = computeInterval(value, mod);
    if (intervals.size > INTERVALS_LIMIT) intervals.clear();
    intervals.set(key, interval);
  }
  return interval && [interval[0], interval[1]];
}

function computeInterval(value: string, mod?: string): Interval | null {
  const period = periodOf(value);
  if (!period) return null;
  if (mod === 'BEFORE') return [null, dayString(addDays(period[0], -1))];
  if (mod === 'ON_OR_BEFORE') return [null, dayString(period[1])];
  if (mod === 'AFTER') return [dayString(addDays(period[1], 1)), null];
  if (mod === 'ON_OR_AFTER') return [dayString(period[0]), null];
  const [s, e] = partOf(period, mod);
  return [dayString(s), dayString(e)];
}

/** How fine a value is. */
export function granularityOf(value: string): TimeGranularity {
  if (/T\d/.test(value)) return 'time';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) || /^XXXX-(XX|\d{2})-(XX|\d{2})$/.test(value)) return 'day';
  if (/-W\d{2}$/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/-Q\d$/.test(value)) return 'quarter';
  if (/-H\d$/.test(value)) return 'half';
  if (/-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{3}$/.test(value)) return 'decade';
  if (/^\d{2}$/.test(value)) return 'century';
  return 'none';
}

/** Full date of an anchor, when it has one. */
export function fullDate(a: Anchor | null): Required<Anchor> | null {
  return a && a.m !== undefined && a.d !== undefined ? (a as Required<Anchor>) : null;
}

/** A month shifted by n, as YYYY-MM. */
export function shiftMonth(y: number, m: number, n: number): string {
  const t = utc(y, m + n, 1);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}`;
}

/** A YYYY-MM-DD string moved by n days. */
export function shiftDay(day: string, n: number): string {
  const a = parseAnchor(day)!;
  return dayString(addDays(a as Required<Anchor>, n));
}

/** A period's interval opened on one side by a boundary word: before / by / after / since. */
export function bounded(base: [string | null, string | null], boundary: string, mod: string | undefined): [string | null, string | null] {
  const [s, e] = base;
  if (boundary === 'BEFORE') return [null, mod === 'END' ? e : s && shiftDay(s, -1)];
  if (boundary === 'ON_OR_BEFORE') return [null, e];
  if (boundary === 'AFTER') return [e && shiftDay(e, 1), null];
  return [s, null];
}
