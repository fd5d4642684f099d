// The grammar of temporal expressions: regex templates filled from a language's lexicon, each with a resolver.
import type { TimexType } from '../../model.js';
import { isoWeekday, pad, ymd, type Anchor } from './calendar.js';
import { alternation, wordKey, type Lexicon } from './lexicon.js';
import { monthAlone, monthDay, periodOfYear, seasonAlone, shiftByUnit, weekdayDate, type Direction } from './resolve.js';

/** What a rule makes of a match, before mode and interval are added. */
export interface Reading {
  type: TimexType;
  value: string;
  mod?: string;
  zone?: string;
  /** For relative expressions: the unit and offset, so an unknown publication date can be inferred from them. */
  rel?: { unit: string; n: number };
}

export interface RuleContext {
  lex: Lexicon;
  anchor: Anchor | null;
  /** Tense around the match, computed on demand. */
  dir(): Direction;
  text: string;
  start: number;
  end: number;
}

type Groups = Record<string, string | undefined>;

export interface Rule {
  name: string;
  re: RegExp;
  resolve(g: Groups, ctx: RuleContext): Reading | null;
  /** May take a determiner on its left ("the past two years", "lo scorso anno"). */
  det?: boolean;
  /** Names a period a part word can narrow ("late" + "2018"). */
  period?: boolean;
  /** Only after a part word ("the end of" + "the year"). */
  inner?: boolean;
  /** The kinds of word the rule can begin with, to try it only where one stands. */
  starts: Start[];
}

/** Kinds of first word: lexicon categories, digits, Q3/H1, and Roman numerals. */
export type Start =
  | 'DIGIT' | 'QH' | 'ROMAN' | 'MONTH' | 'WEEKDAY' | 'SEASON' | 'UNIT' | 'NUM' | 'ORD' | 'REL' | 'DAYWORD' | 'DAYPARTWORD'
  | 'REF' | 'AGOB' | 'DURPRE' | 'EVERY' | 'SETWORD' | 'DECADEWORD' | 'CENTURY';

const STARTS: Record<string, Start[]> = {
  iso: ['DIGIT'], numeric: ['DIGIT'], year: ['DIGIT'], time: ['DIGIT'],
  'month-day': ['WEEKDAY', 'MONTH'], 'day-month': ['WEEKDAY', 'DIGIT'], 'month-year': ['MONTH'], month: ['MONTH'],
  'rel-named': ['REL'], 'named-rel': ['MONTH', 'WEEKDAY', 'SEASON'], decade: ['DIGIT', 'DECADEWORD'],
  century: ['DIGIT', 'ROMAN', 'CENTURY'], quarter: ['QH', 'ORD', 'DIGIT'], season: ['SEASON'], 'rel-unit': ['REL'],
  'unit-rel': ['UNIT'], 'year-word': [], ago: ['NUM', 'DIGIT', 'AGOB', 'DURPRE'], 'day-word': ['DAYWORD'], weekday: ['WEEKDAY'],
  'this-daypart': ['REL', 'DAYPARTWORD'], duration: ['DURPRE', 'NUM', 'DIGIT'], 'bare-units': ['UNIT'], set: ['EVERY', 'SETWORD'], ref: ['REF'],
};

const ZONES = ['UTC', 'GMT', 'CET', 'CEST', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'BST', 'IST', 'JST', 'ET', 'PT', 'MEZ', 'MESZ', 'Z'];
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

function roman(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    n += i + 1 < s.length && ROMAN[s[i + 1]!]! > v ? -v : v;
  }
  return n;
}

const lookup = <T>(map: Map<string, T>, s: string | undefined): T | undefined => (s === undefined ? undefined : map.get(wordKey(s)));

/** A count: digits, a number word, or X for a vague one ("several", "few"). */
function count(lex: Lexicon, s: string | undefined): number | 'X' | undefined {
  if (s === undefined) return undefined;
  if (/^\d/.test(s)) return Number(s.replace(',', '.'));
  const k = wordKey(s);
  if (lex.vague.has(k)) return 'X';
  return lex.number.get(k);
}

function durationValue(unit: string, n: number | 'X'): string {
  const time = unit === 'H' || unit === 'MIN';
  const letter = unit === 'MIN' ? 'M' : unit;
  return `P${time ? 'T' : ''}${n}${letter}`;
}

/** Capitalised when the language writes names so; keeps English "may" and "march" out. */
function namedOk(lex: Lexicon, s: string | undefined): boolean {
  return !lex.data.capitalNames || (s !== undefined && /^\p{Lu}/u.test(s));
}

function yearOf(s: string): number {
  const n = Number(s.replace(/^'/, ''));
  return s.length <= 3 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

/** A bare four-digit number is a year unless it reads as an amount (2,000 · $2018 · 2018% · 2018.5). */
function looksLikeYear(ctx: RuleContext): boolean {
  const before = ctx.text.slice(Math.max(0, ctx.start - 2), ctx.start);
  const after = ctx.text.slice(ctx.end, ctx.end + 2);
  return !/[$€£¥#]\s?$|[\d.,]$/.test(before) && !/^(?:[%\d]|[.,]\d|\s?%)/.test(after);
}

/** "the fall", "in fall 2018": a season; "prices fall": a verb. */
function seasonReadsAsSeason(ctx: RuleContext, word: string): boolean {
  const d = ctx.lex.data;
  if (!ctx.lex.seasonNeedingArticle.has(wordKey(word))) return true;
  const before = wordKey(ctx.text.slice(Math.max(0, ctx.start - 12), ctx.start)).split(' ').at(-1) ?? '';
  return d.seasonArticles.includes(before);
}

function hour(h: string, ap: string | undefined): number {
  let n = Number(h);
  const pm = ap && /^p/i.test(ap);
  if (pm && n < 12) n += 12;
  if (ap && !pm && n === 12) n = 0;
  return n;
}

function dayWithTime(ctx: RuleContext, g: Groups): string {
  if (g.wd) {
    const wd = lookup(ctx.lex.weekday, g.wd);
    if (wd) return weekdayDate(ctx.anchor, wd, ctx.dir());
  }
  if (g.dw) return shiftByUnit(ctx.anchor, 'D', lookup(ctx.lex.dayWord, g.dw) ?? 0)!;
  return shiftByUnit(ctx.anchor, 'D', 0)!;
}

/** The rules of one language, most specific first (ties on length go to the earlier rule). */
export function buildRules(lex: Lexicon): Rule[] {
  const d = lex.data;
  const first = (lists: string[][]): string[] => lists.map((l) => l[0]!);
  const A: Record<string, string> = {
    S: "(?:\\s+|(?<=['’-]))",
    MONTH: alternation(d.months.slice().map((l) => l.slice(1)).flat(), true).replace(/^\(\?:/, `(?:${alternation(first(d.months)).slice(3, -1)}|`),
    MONTHFULL: alternation(first(d.months)),
    WEEKDAY: alternation(d.weekdays.flat(), true),
    WEEKDAYFULL: alternation([...first(d.weekdays), ...d.weekdaysPlural.flat()]),
    SEASON: alternation(Object.values(d.seasons).flat()),
    UNIT: alternation(Object.values(d.units).flat()),
    YEARUNIT: alternation(d.yearUnits),
    NUM: `(?:\\d{1,4}(?:[.,]\\d+)?|${alternation([...Object.keys(d.numbers), ...d.vague])})`,
    ORD: `(?:${alternation(Object.keys(d.ordinals))}|[1-4](?:${d.ordinalSuffix}|\\.))`,
    REL: alternation(Object.keys(d.rel)),
    RELAFTER: alternation([...Object.keys(d.rel), ...Object.keys(d.relAfter)]),
    DAYWORD: alternation(Object.keys(d.dayWords)),
    DAYPART: alternation(Object.keys(d.dayParts)),
    DAYPARTWORD: alternation(Object.keys(d.dayPartWords)),
    REF: alternation(Object.keys(d.refs)),
    AGOA: alternation(d.agoAfter),
    AGOB: alternation(d.agoBefore),
    DURPRE: alternation(d.durationPrefix),
    EVERY: alternation(d.every),
    SETWORD: alternation(Object.keys(d.setWords)),
    QUARTER: alternation(d.quarter),
    HALF: alternation(d.half),
    CENTURY: alternation(d.century),
    DECADEWORD: alternation(d.decadeWords),
    DATELINK: alternation(d.dateLinks),
    PARTLINK: alternation(d.partLinks),
    DET: alternation(d.det),
    ORDSUF: d.ordinalSuffix || '(?!)',
    TIMEWORD: alternation(d.timeWords),
    TIMESUFFIX: alternation(d.timeSuffix),
    ZONE: `(?:${ZONES.join('|')})`,
  };
  // No letter or digit may follow; written as two tests, as case-insensitive letter and digit classes compile faster apart.
  const re = (template: string): RegExp =>
    new RegExp(`${template.replace(/\{(\w+)\}/g, (_, k: string) => A[k] ?? `{${k}}`)}(?!\\p{L})(?!\\p{N})`, 'iuy');
  const dir = (ctx: RuleContext): Direction => ctx.dir();
  const dateRule = (name: string, template: string, resolve: Rule['resolve'], extra: Partial<Rule> = {}): Rule => ({ name, re: re(template), resolve, period: true, starts: [], ...extra });

  const date = (value: string): Reading => ({ type: 'DATE', value });
  const rules: Omit<Rule, 'starts'>[] = [
    dateRule('iso', '(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?:[T ](?<h>\\d{2}):(?<mi>\\d{2}))?', (g) =>
      Number(g.m) >= 1 && Number(g.m) <= 12 && Number(g.d) >= 1 && Number(g.d) <= 31
        ? g.h ? { type: 'TIME', value: `${g.y}-${g.m}-${g.d}T${g.h}:${g.mi}` } : date(`${g.y}-${g.m}-${g.d}`)
        : null,
    ),
    dateRule('numeric', '(?<a>\\d{1,2})[./](?<b>\\d{1,2})[./](?<y>\\d{4}|\\d{2})(?![./]?\\d)', (g) => {
      const [m, day] = d.numericOrder === 'mdy' ? [Number(g.a), Number(g.b)] : [Number(g.b), Number(g.a)];
      return m >= 1 && m <= 12 && day >= 1 && day <= 31 ? date(ymd(yearOf(g.y!), m, day)) : null;
    }),
    dateRule('month-day', '(?:(?<wd>{WEEKDAY}),?{S}(?:{DET}{S})?)?(?<mon>{MONTH}){S}(?<d>\\d{1,2})(?:{ORDSUF})?(?!\\d)(?:,?{S}(?<y>\\d{4}))?', (g, ctx) => {
      const m = lookup(ctx.lex.month, g.mon);
      const day = Number(g.d);
      if (!m || day < 1 || day > 31 || !namedOk(ctx.lex, g.mon)) return null;
      return date(g.y ? ymd(Number(g.y), m, day) : datedWeekday(ctx, m, day, g.wd));
    }),
    dateRule('day-month', '(?:(?<wd>{WEEKDAY}),?{S}(?:{DET}{S})?)?(?<d>\\d{1,2})(?:{ORDSUF}|\\.|º|°)?{S}(?:{DATELINK}{S})?(?<mon>{MONTH})(?:,?{S}(?:{DATELINK}{S})?(?<y>\\d{4}))?', (g, ctx) => {
      const m = lookup(ctx.lex.month, g.mon);
      const day = Number(g.d);
      if (!m || day < 1 || day > 31 || !namedOk(ctx.lex, g.mon)) return null;
      return date(g.y ? ymd(Number(g.y), m, day) : datedWeekday(ctx, m, day, g.wd));
    }),
    dateRule('month-year', "(?<mon>{MONTH}),?{S}(?:{DATELINK}{S})?(?<y>\\d{4}|'\\d{2})", (g, ctx) => {
      const m = lookup(ctx.lex.month, g.mon);
      return m && namedOk(ctx.lex, g.mon) ? date(`${pad(yearOf(g.y!), 4)}-${pad(m)}`) : null;
    }),
    dateRule('rel-named', '(?<rel>{REL}){S}(?<name>{MONTHFULL}|{WEEKDAY}|{SEASON})', (g, ctx) => namedRelative(ctx, g.name!, lookup(ctx.lex.rel, g.rel) ?? 0), { det: true }),
    dateRule('named-rel', '(?<name>{MONTHFULL}|{WEEKDAY}|{SEASON}){S}(?<rel>{RELAFTER})', (g, ctx) => namedRelative(ctx, g.name!, lookup(ctx.lex.rel, g.rel) ?? 0), { det: true }),
    dateRule('month', '(?<mon>{MONTHFULL})', (g, ctx) => {
      const m = lookup(ctx.lex.month, g.mon);
      return m && namedOk(ctx.lex, g.mon) ? date(monthAlone(ctx.anchor, m, dir(ctx))) : null;
    }, { det: true }),
    dateRule('year', '(?<y>1[5-9]\\d{2}|20\\d{2}|2100)', (g, ctx) => (looksLikeYear(ctx) ? date(g.y!) : null)),
    dateRule('decade', "(?:(?<dec>1[5-9]\\d|20\\d)0(?:['’]?s|er(?:{S}Jahre\\w*)?)|(?:{DECADEWORD}{S})?['’](?<dd>\\d)0s?|{DECADEWORD}{S}(?<dy>(?:1[5-9]|20)\\d)0|{DECADEWORD}{S}(?<dd2>\\d)0(?!\\d))", (g) => {
      if (g.dec) return date(g.dec);
      if (g.dy) return date(g.dy);
      const dd = g.dd ?? g.dd2;
      return dd ? date(`19${dd}`) : null;
    }, { det: true }),
    dateRule('century', '(?:(?<c>\\d{1,2})(?:{ORDSUF}|\\.|º|°)?{S}{CENTURY}|(?<rc>[XVI]{1,5})(?:e|ème|°)?{S}{CENTURY}|{CENTURY}{S}(?<rc2>[XVI]{1,5}))', (g) => {
      const c = g.c ? Number(g.c) : roman((g.rc ?? g.rc2 ?? '').toUpperCase());
      return c > 0 && c < 30 ? date(pad(c - 1)) : null;
    }, { det: true }),
    dateRule('quarter', '(?:Q(?<q>[1-4])|(?<qo>{ORD})(?:{S}|-)(?<qw>{QUARTER}|{HALF})|H(?<h>[12]))(?:,?{S}(?:{PARTLINK}{S})?(?<y>\\d{4}|\'\\d{2})|{S}(?<y2>\\d{4}))?', (g, ctx) => {
      const half = g.h !== undefined || (g.qw !== undefined && ctx.lex.half.has(wordKey(g.qw)));
      const i = Number(g.q ?? g.h ?? lookup(ctx.lex.ordinal, g.qo) ?? g.qo?.replace(/\D/g, ''));
      if (!(i >= 1 && i <= (half ? 2 : 4))) return null;
      const kind = half ? 'H' : 'Q';
      const y = g.y ?? g.y2;
      return date(y ? `${pad(yearOf(y), 4)}-${kind}${i}` : periodOfYear(ctx.anchor, kind, i, dir(ctx)));
    }, { det: true }),
    dateRule('season', '(?<s>{SEASON})(?:{S}(?:{PARTLINK}{S})?(?<y>\\d{4}))?', (g, ctx) => {
      const s = lookup(ctx.lex.season, g.s);
      if (!s || (!g.y && !seasonReadsAsSeason(ctx, g.s!))) return null;
      return date(g.y ? `${g.y}-${s}` : seasonAlone(ctx.anchor, s, dir(ctx)));
    }, { det: true }),
    dateRule('rel-unit', '(?<rel>{REL}){S}(?<u>{UNIT})', (g, ctx) => relativeUnit(ctx, g.u, g.rel), { det: true }),
    dateRule('unit-rel', '(?<u>{UNIT}){S}(?<rel>{RELAFTER})', (g, ctx) => relativeUnit(ctx, g.u, g.rel), { det: true }),
    dateRule('year-word', '(?:{DET}{S})?(?<u>{YEARUNIT})', (g, ctx) => relativeUnit(ctx, g.u, undefined), { inner: true }),
    dateRule('ago', '(?:(?:{DURPRE}{S})?(?<n>{NUM}){S}(?<u>{UNIT}){S}{AGOA}|{AGOB}{S}(?<n2>{NUM}){S}(?<u2>{UNIT}))', (g, ctx) => {
      const n = count(ctx.lex, g.n ?? g.n2);
      const unit = lookup(ctx.lex.unit, g.u ?? g.u2);
      if (n === undefined || !unit) return null;
      if (n === 'X' || !Number.isInteger(n)) return { type: 'DATE', value: 'PAST_REF' };
      const value = shiftByUnit(ctx.anchor, unit === 'H' || unit === 'MIN' ? 'D' : unit, unit === 'H' || unit === 'MIN' ? 0 : -n);
      return value ? { type: 'DATE', value, rel: { unit, n: -n } } : null;
    }),
    dateRule('day-word', '(?<dw>{DAYWORD})(?:{S}(?<dp>{DAYPART}))?', (g, ctx) => {
      const n = lookup(ctx.lex.dayWord, g.dw) ?? 0;
      const day = shiftByUnit(ctx.anchor, 'D', n)!;
      const part = lookup(ctx.lex.dayPart, g.dp);
      return part ? { type: 'TIME', value: `${day}T${part}`, rel: { unit: 'D', n } } : { type: 'DATE', value: day, rel: { unit: 'D', n } };
    }),
    dateRule('weekday', '(?<wd>{WEEKDAYFULL})(?:{S}(?<dp>{DAYPART}))?', (g, ctx) => {
      const wd = lookup(ctx.lex.weekday, g.wd);
      if (!wd || !namedOk(ctx.lex, g.wd)) return null;
      // A plural weekday ("montags", "lundis") recurs.
      if (ctx.lex.weekdayPlural.has(wordKey(g.wd!))) return { type: 'SET', value: `XXXX-WXX-${wd}` };
      const day = weekdayDate(ctx.anchor, wd, dir(ctx));
      const part = lookup(ctx.lex.dayPart, g.dp);
      return part ? { type: 'TIME', value: `${day}T${part}` } : date(day);
    }),
    dateRule('this-daypart', '(?:{REL}{S}(?<dp>{DAYPART})|(?<dpw>{DAYPARTWORD}))', (g, ctx) => {
      const part = lookup(ctx.lex.dayPart, g.dp ?? g.dpw);
      return part ? { type: 'TIME', value: `${shiftByUnit(ctx.anchor, 'D', 0)}T${part}` } : null;
    }),
    {
      name: 'time',
      re: re('(?:(?<h>\\d{1,2})(?:[:.](?<mi>\\d{2}))?\\s?(?<ap>{TIMEWORD})|(?<h2>\\d{1,2})[:h](?<mi2>\\d{2})(?:\\s?{TIMESUFFIX})?|(?<h3>\\d{1,2})\\s?{TIMESUFFIX})(?:{S}(?<z>{ZONE}))?(?:,?{S}(?:(?<wd>{WEEKDAYFULL})|(?<dw>{DAYWORD})))?'),
      resolve(g, ctx) {
        const h = hour(g.h ?? g.h2 ?? g.h3!, g.ap);
        const mi = Number(g.mi ?? g.mi2 ?? 0);
        if (h > 23 || mi > 59) return null;
        return { type: 'TIME', value: `${dayWithTime(ctx, g)}T${pad(h)}:${pad(mi)}`, ...(g.z ? { zone: g.z.toUpperCase() } : {}) };
      },
    },
    {
      name: 'duration',
      re: re('(?:(?<pre>{DURPRE}){S})?(?<n>{NUM})(?:{S}|-)(?<u>{UNIT})(?:[’\']s?)?'),
      resolve(g, ctx) {
        const n = count(ctx.lex, g.n);
        const unit = lookup(ctx.lex.unit, g.u);
        if (n === undefined || !unit) return null;
        const pre = wordKey(g.pre ?? '');
        const mod = /almost|nearly|less|fast|quasi|casi|presque|meno/.test(pre) ? 'LESS_THAN' : /more|over|mehr|più|plus|más/.test(pre) ? 'MORE_THAN' : undefined;
        return { type: 'DURATION', value: durationValue(unit, n), ...(mod ? { mod } : {}) };
      },
      det: true,
    },
    {
      name: 'bare-units',
      re: re('(?<u>{UNIT})'),
      resolve(g, ctx) {
        const unit = lookup(ctx.lex.unit, g.u);
        return unit && ctx.lex.vagueUnit.has(wordKey(g.u!)) ? { type: 'DURATION', value: durationValue(unit, 'X') } : null;
      },
    },
    {
      name: 'set',
      re: re('(?:(?:{EVERY}){S}(?:(?<n>{NUM}){S})?(?<x>{UNIT}|{WEEKDAYFULL}|{DAYPART}|{SEASON})|(?<sw>{SETWORD}))'),
      resolve(g, ctx) {
        const word = lookup(ctx.lex.setWord, g.sw);
        if (word) return { type: 'SET', value: word };
        const wd = lookup(ctx.lex.weekday, g.x);
        if (wd) return { type: 'SET', value: `XXXX-WXX-${wd}` };
        const part = lookup(ctx.lex.dayPart, g.x);
        if (part) return { type: 'SET', value: `XXXX-XX-XXT${part}` };
        const season = lookup(ctx.lex.season, g.x);
        if (season) return { type: 'SET', value: `XXXX-${season}` };
        const unit = lookup(ctx.lex.unit, g.x);
        const n = g.n ? count(ctx.lex, g.n) : 1;
        return unit && n !== undefined ? { type: 'SET', value: durationValue(unit, n) } : null;
      },
    },
    { name: 'ref', re: re('(?<r>{REF})'), resolve: (g, ctx) => ({ type: 'DATE', value: lookup(ctx.lex.ref, g.r)! }) },
  ];
  return rules.map((r) => ({ ...r, starts: STARTS[r.name]! }));

  /** A day and month with no year: a weekday written beside it picks the year it falls on (Thursday 24 May → 2018). */
  function datedWeekday(ctx: RuleContext, m: number, day: number, wdText: string | undefined): string {
    const value = monthDay(ctx.anchor, m, day, dir(ctx));
    const wd = lookup(ctx.lex.weekday, wdText);
    if (!wd || !ctx.anchor) return value;
    const y = Number(value.slice(0, 4));
    const fits = [y, y + 1, y - 1].find((c) => isoWeekday({ y: c, m, d: day }) === wd);
    return fits ? ymd(fits, m, day) : value;
  }

  function namedRelative(ctx: RuleContext, name: string, n: number): Reading | null {
    const m = lookup(ctx.lex.month, name);
    const step: Direction = n < 0 ? -1 : n > 0 ? 1 : 0;
    if (m) return date(monthAlone(ctx.anchor, m, step));
    const wd = lookup(ctx.lex.weekday, name);
    if (wd) return date(weekdayDate(ctx.anchor, wd, step, step !== 0));
    const s = lookup(ctx.lex.season, name);
    return s ? date(seasonAlone(ctx.anchor, s, step)) : null;
  }

  function relativeUnit(ctx: RuleContext, u: string | undefined, rel: string | undefined): Reading | null {
    const unit = lookup(ctx.lex.unit, u) ?? (lex.yearUnit.has(wordKey(u ?? '')) ? 'Y' : undefined);
    if (!unit || unit === 'H' || unit === 'MIN') return null;
    const n = rel === undefined ? 0 : lookup(ctx.lex.rel, rel);
    if (n === undefined) return null;
    const value = shiftByUnit(ctx.anchor, unit, n);
    return value ? { type: 'DATE', value, rel: { unit, n } } : null;
  }
}

/** The words of each start kind in a language. */
function startWords(lex: Lexicon): Record<string, string[]> {
  const d = lex.data;
  return {
    MONTH: d.months.flat(), WEEKDAY: [...d.weekdays.flat(), ...d.weekdaysPlural.flat()], SEASON: Object.values(d.seasons).flat(),
    UNIT: Object.values(d.units).flat(), NUM: [...Object.keys(d.numbers), ...d.vague], ORD: Object.keys(d.ordinals), REL: Object.keys(d.rel),
    DAYWORD: Object.keys(d.dayWords), DAYPARTWORD: Object.keys(d.dayPartWords), REF: Object.keys(d.refs), AGOB: d.agoBefore,
    DURPRE: d.durationPrefix, EVERY: d.every, SETWORD: Object.keys(d.setWords), DECADEWORD: d.decadeWords, CENTURY: d.century,
    PART: Object.keys(d.parts),
  };
}

/** For each first word, the rules that may begin there; 'PART' marks words that start a part-of-period phrase. */
export interface Dispatch {
  rules: (Rule | 'PART')[];
  /** When the word only begins longer phrases ("the" of "the past"): the words that may follow it. */
  next: Set<string> | null;
}

export function dispatchTable(lex: Lexicon, rules: Rule[]): Map<string, Dispatch> {
  const table = new Map<string, Dispatch>();
  const add = (phrase: string, r: Rule | 'PART'): void => {
    const [head, second] = wordKey(phrase).split(/[\s'’.-]+/);
    const entry = table.get(head!) ?? { rules: [], next: new Set<string>() };
    if (!entry.rules.includes(r)) entry.rules.push(r);
    if (!second) entry.next = null;
    else entry.next?.add(second);
    table.set(head!, entry);
  };
  const words = startWords(lex);
  for (const r of rules) for (const s of r.starts) for (const w of words[s] ?? []) add(w, r);
  for (const w of words.PART!) add(w, 'PART');
  return table;
}

const ROMAN_TOKEN = /[XVI]{1,5}(?:e|ème)?(?![\p{L}\p{N}])/uy;

/** Start kinds a word (text[start, end)) can be without a lexicon entry, by its first characters. */
export function shapeStart(text: string, start: number, end: number): Start | null {
  const c = text.charCodeAt(start);
  if (c >= 48 && c <= 57) return 'DIGIT';
  if (c === 81 || c === 72) {
    const d = text.charCodeAt(start + 1);
    return end - start === 2 && d >= 49 && d <= 52 ? 'QH' : null;
  }
  if (c === 88 || c === 86 || c === 73) {
    ROMAN_TOKEN.lastIndex = start;
    return ROMAN_TOKEN.test(text) ? 'ROMAN' : null;
  }
  return null;
}
