// Resolving relative and partial dates against an anchor: shifts by a unit, and named months/weekdays/seasons by tense.
import { addDays, dayDiff, dayString, fullDate, isoWeek, isoWeekday, pad, shiftMonth, ymd, type Anchor } from './calendar.js';

/** Which way a bare name points: -1 the last one before the anchor, +1 the next one, 0 the nearest. */
export type Direction = -1 | 0 | 1;

/** A period `n` units away from the anchor, as a TIMEX3 value; X-filled when the anchor is too coarse. */
export function shiftByUnit(a: Anchor | null, unit: string, n: number): string | null {
  const day = fullDate(a);
  switch (unit) {
    case 'Y':
      return a ? pad(a.y + n, 4) : 'XXXX';
    case 'M':
      return a?.m !== undefined ? shiftMonth(a.y, a.m, n) : 'XXXX-XX';
    case 'W':
      return day ? isoWeek(addDays(day, 7 * n)) : 'XXXX-WXX';
    case 'D':
      return day ? dayString(addDays(day, n)) : 'XXXX-XX-XX';
    case 'Q': {
      if (a?.m === undefined) return 'XXXX-QX';
      const q = a.y * 4 + Math.floor((a.m - 1) / 3) + n;
      return `${pad(Math.floor(q / 4), 4)}-Q${(q % 4) + 1}`;
    }
    case 'DE':
      return a ? String(Math.floor(a.y / 10) + n) : 'XXX';
    case 'CE':
      return a ? String(Math.floor(a.y / 100) + n) : 'XX';
    default:
      return null;
  }
}

/** The year of a (month, day) seen from the anchor, in the tense's direction; a day of 0 compares months only. */
export function yearFor(a: Anchor, month: number, day: number, dir: Direction): number {
  if (a.m === undefined) return a.y;
  const ad = a.d ?? 15;
  const cmp = day ? month * 100 + day - (a.m * 100 + ad) : month - a.m;
  if (dir < 0) return cmp > 0 ? a.y - 1 : a.y;
  if (dir > 0) return cmp < 0 ? a.y + 1 : a.y;
  // No tense: the nearest occurrence, at most half a year away.
  const diff = day ? dayDiff({ y: a.y, m: a.m, d: ad }, { y: a.y, m: month, d: day }) : (month - a.m) * 30;
  if (diff > 183) return a.y - 1;
  if (diff < -183) return a.y + 1;
  return a.y;
}

/** A month and day with no year, as a TIMEX3 value. */
export function monthDay(a: Anchor | null, month: number, day: number, dir: Direction): string {
  return a ? ymd(yearFor(a, month, day, dir), month, day) : `XXXX-${pad(month)}-${pad(day)}`;
}

export function monthAlone(a: Anchor | null, month: number, dir: Direction): string {
  return a ? `${pad(yearFor(a, month, 0, dir), 4)}-${pad(month)}` : `XXXX-${pad(month)}`;
}

/**
 * A weekday (1 = Monday) around the anchor day: in the past or future by tense, else the nearest.
 * `strict` excludes the anchor day itself (last Monday / next Monday said on a Monday).
 */
export function weekdayDate(a: Anchor | null, weekday: number, dir: Direction, strict = false): string {
  const day = fullDate(a);
  if (!day) return `XXXX-WXX-${weekday}`;
  let diff = weekday - isoWeekday(day);
  if (dir < 0 && (diff > 0 || (strict && diff === 0))) diff -= 7;
  else if (dir > 0 && (diff < 0 || (strict && diff === 0))) diff += 7;
  else if (dir === 0 && diff > 3) diff -= 7;
  else if (dir === 0 && diff < -3) diff += 7;
  return dayString(addDays(day, diff));
}

const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export function seasonAlone(a: Anchor | null, season: string, dir: Direction): string {
  if (!a) return `XXXX-${season}`;
  if (a.m === undefined) return `${pad(a.y, 4)}-${season}`;
  const start = SEASON_START[season]!;
  // Winter belongs to the year it starts in: January 2019 is in 2018-WI.
  const current = a.m <= 2 && season === 'WI' ? a.y - 1 : a.y;
  if (dir < 0 && start > a.m && !(season === 'WI' && a.m <= 2)) return `${pad(current - 1, 4)}-${season}`;
  if (dir > 0 && start + 2 < a.m) return `${pad(current + 1, 4)}-${season}`;
  return `${pad(current, 4)}-${season}`;
}

/** Quarter or half with no year: the anchor's year, moved back or on by tense. */
export function periodOfYear(a: Anchor | null, kind: 'Q' | 'H', index: number, dir: Direction): string {
  if (!a) return `XXXX-${kind}${index}`;
  if (a.m === undefined) return `${pad(a.y, 4)}-${kind}${index}`;
  const size = kind === 'Q' ? 3 : 6;
  const current = Math.floor((a.m - 1) / size) + 1;
  const y = dir < 0 && index > current ? a.y - 1 : dir > 0 && index < current ? a.y + 1 : a.y;
  return `${pad(y, 4)}-${kind}${index}`;
}
