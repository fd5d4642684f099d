// The temporal tagger: finds expressions with the language's rules, resolves them against an anchor, dates their clause.
import type { Span, TimeExpression, TimeMode } from '../../model.js';
import { anchorString, bounded, fullDate, granularityOf, intervalOf, parseAnchor, type Anchor } from './calendar.js';
import { alternation, timeLexicon, wordKey, type Lexicon } from './lexicon.js';
import { buildRules, dispatchTable, shapeStart, type Dispatch, type Reading, type Rule, type RuleContext, type Start } from './rules.js';
import type { Direction } from './resolve.js';
import { CUE, findCues, nearestCue, type Cue } from './cues.js';
import { isApostrophe, isPhraseGap, WordFilter, wordRuns, type WordRuns } from './words.js';

/** A tagged expression with what inference needs beside the public record. */
export interface Tagged extends TimeExpression {
  rel?: Reading['rel'];
}

interface Grammar {
  lex: Lexicon;
  sentenceBreak: RegExp;
  periodRules: Rule[];
  /** Rules to try at a word, by its lower-case form. */
  dispatch: Map<string, Dispatch>;
  /** Rules out most words before the dispatch lookup. */
  heads: WordFilter;
  /** Rules out most words after a word that only begins phrases. */
  nexts: WordFilter;
  /** Rules to try at a digit, Q3/H1 or Roman-numeral token. */
  shapes: Map<Start, Rule[]>;
  part: RegExp;
  det: RegExp;
  boundary: RegExp;
  range: RegExp;
  clauseBreak: RegExp;
}

/** A sentence ends at . ! ? before a capital, digit, quote or the end: "the U.S. market" runs on. */
const SENTENCE_END = '[.!?…]["”’)]?(?=\\s+[\\p{Lu}\\p{N}"“‘(]|\\s*$)';

const grammars = new Map<string, Grammar | null>();

function grammarFor(lang: string): Grammar | null {
  if (grammars.has(lang)) return grammars.get(lang)!;
  const lex = timeLexicon(lang);
  let g: Grammar | null = null;
  if (lex) {
    const rules = buildRules(lex);
    const dispatch = dispatchTable(lex, rules);
    const S = "(?:\\s+|(?<=['’-]))";
    const breaks = lex.data.clauseBreaks.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    g = {
      lex,
      periodRules: rules.filter((r) => r.period),
      dispatch,
      heads: new WordFilter(dispatch.keys()),
      nexts: new WordFilter([...dispatch.values()].flatMap((d) => [...(d.next ?? [])])),
      shapes: new Map((['DIGIT', 'QH', 'ROMAN'] as Start[]).map((k) => [k, rules.filter((r) => r.starts.includes(k))])),
      part: new RegExp(`(?<part>${alternation(Object.keys(lex.data.parts))})(?:${S}${alternation(lex.data.partLinks)})?${S}`, 'iuy'),
      det: new RegExp(`(?:^|[^\\p{L}])(${alternation(lex.data.det)})\\s*$`, 'iu'),
      boundary: new RegExp(`(?:^|[^\\p{L}])(${alternation(Object.keys(lex.data.boundaries))})(?:\\s+${alternation(lex.data.partLinks)})?(?:\\s+|(?<=['’]))$`, 'iu'),
      range: new RegExp(`^\\s*(?:${alternation(lex.data.rangeLinks)})\\s*$`, 'iu'),
      sentenceBreak: new RegExp(`${SENTENCE_END}|\\n\\s*\\n`, 'gu'),
      clauseBreak: new RegExp(`${SENTENCE_END}|\\n\\s*\\n|;${breaks.length ? `|${breaks.join('|')}` : ''}`, 'gu'),
    };
  }
  grammars.set(lang, g);
  return g;
}

/** Where clauses break in a text: sentence ends, line breaks, semicolons and the language's clause joints. */
interface Breaks {
  starts: number[];
  ends: number[];
}

function findBreaks(re: RegExp, text: string): Breaks {
  const out: Breaks = { starts: [], ends: [] };
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A sentence's full stop belongs to it; a joint word (", and") to neither clause.
    out.starts.push(m.index + (/^[.!?…]/.test(m[0]) ? 1 : 0));
    out.ends.push(m.index + m[0].length);
  }
  return out;
}

/** What the tagger reads around expressions, each found once per text. */
interface TextBreaks {
  clauses: Breaks;
  sentences: Breaks;
  /** Tense and mode cue words of the sentences a span touches, found on first need. */
  cues(within: Span): Cue[];
}

/** Index of the sentence or clause holding a position: how many breaks start before it. */
function breakIndex(b: Breaks, pos: number): number {
  let lo = 0;
  let hi = b.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.starts[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cue words read sentence by sentence, only where an expression needs them, each sentence once. */
function sentenceCues(lex: Lexicon, text: string, runs: WordRuns, b: Breaks): (within: Span) => Cue[] {
  const done = new Map<number, Cue[]>();
  return (within) => {
    const out: Cue[] = [];
    for (let i = breakIndex(b, within.start); i <= breakIndex(b, Math.max(within.start, within.end - 1)); i++) {
      let cues = done.get(i);
      if (!cues) {
        cues = findCues(lex, text, runs, i > 0 ? b.ends[i - 1]! : 0, i < b.starts.length ? b.starts[i]! + 1 : text.length);
        done.set(i, cues);
      }
      out.push(...cues);
    }
    return out;
  };
}

/** The clause around a span: from the last break before it to the next break after it. */
function clauseOf(b: Breaks, text: string, start: number, end: number): Span {
  const lo = breakIndex(b, end);
  let s = lo > 0 ? b.ends[lo - 1]! : 0;
  if (s > start) s = start;
  while (s < start && /\s/.test(text[s]!)) s++;
  return { start: s, end: lo < b.starts.length ? Math.max(b.starts[lo]!, end) : text.length };
}

const FUTURE_REACH = 12;

/** Past or future by the nearest tense cue in the clause; 0 when there is none. */
function tenseOf(cues: Cue[], clause: Span, span: Span): Direction {
  const past = nearestCue(cues, CUE.past, clause, span);
  const future = nearestCue(cues, CUE.future, clause, span);
  if (past === Infinity && future === Infinity) return 0;
  // A future auxiliary beside a participle ("sera lancé", "will be held") reads as future.
  return future <= past + FUTURE_REACH ? 1 : -1;
}

/** A negation right after the expression denies it too (German: "nächste Woche nicht"). */
function negatedRightAfter(cues: Cue[], text: string, span: Span): boolean {
  const next = cues.find((c) => c.start >= span.end);
  return !!next && (next.kinds & CUE.negated) !== 0 && /^\s+$/.test(text.slice(span.end, next.start));
}

/**
 * Negated, hypothetical or planned by cue words in the clause (a plan may also be announced earlier in the sentence:
 * "expects that … in the fourth quarter"); otherwise by whether it lies after the anchor.
 */
function modeOf(cues: Cue[], text: string, clause: Span, sentence: Span, span: Span, interval: TimeExpression['interval'], anchor: Anchor | null): TimeMode {
  if (nearestCue(cues, CUE.negated, { start: clause.start, end: span.start }, span) < Infinity || negatedRightAfter(cues, text, span)) return 'negated';
  if (nearestCue(cues, CUE.hypothetical, clause, span) < Infinity) return 'hypothetical';
  const at = anchor ? anchorString(anchor) : null;
  // What ended before the article was written cannot be a plan.
  if (at && interval?.[1] && interval[1].slice(0, at.length) < at) return 'happened';
  const cued = nearestCue(cues, CUE.planned, { start: Math.min(sentence.start, clause.start), end: clause.end }, span) < Infinity;
  if (cued && tenseOf(cues, clause, span) !== -1) return 'planned';
  const day = fullDate(anchor);
  const after = at && interval?.[0] && interval[0] > (day ? at : `${at}-99`);
  return after ? 'planned' : 'happened';
}

interface Match {
  end: number;
  reading: Reading;
  rule: Rule;
}

function matchAt(g: Grammar, b: TextBreaks, text: string, pos: number, anchor: Anchor | null, rules: readonly (Rule | 'PART')[]): Match | null {
  let best: Match | null = null;
  let tense: Direction | null = null;
  for (const rule of rules) {
    if (rule === 'PART') continue;
    rule.re.lastIndex = pos;
    const m = rule.re.exec(text);
    if (!m || (best && m[0].length <= best.end - pos)) continue;
    const end = pos + m[0].length;
    const ctx: RuleContext = {
      lex: g.lex, anchor, text, start: pos, end,
      dir: () => {
        const clause = clauseOf(b.clauses, text, pos, end);
        return (tense ??= tenseOf(b.cues(clause), clause, { start: pos, end }));
      },
    };
    const reading = rule.resolve(m.groups ?? {}, ctx);
    if (reading) best = { end, reading, rule };
  }
  if (!rules.includes('PART')) return best;
  g.part.lastIndex = pos;
  const p = g.part.exec(text);
  if (p) {
    const inner = matchAt(g, b, text, pos + p[0].length, anchor, g.periodRules);
    if (inner && inner.reading.type === 'DATE' && (!best || inner.end > best.end)) {
      best = { ...inner, reading: { ...inner.reading, mod: g.lex.part.get(wordKey(p.groups!.part!)) } };
    }
  }
  return best;
}

/** Widen a match over a determiner on its left when the rule allows ("the past two years", "l'anno scorso"). */
function withDeterminer(g: Grammar, text: string, start: number, rule: Rule): number {
  if (!rule.det) return start;
  const from = Math.max(0, start - 8);
  const m = g.det.exec(text.slice(from, start));
  return m ? from + m.index + m[0].indexOf(m[1]!) : start;
}

function toExpression(g: Grammar, breaks: TextBreaks, text: string, start: number, m: Match, anchor: Anchor | null, anchorInferred: boolean): Tagged {
  const { reading } = m;
  const span = { start, end: m.end };
  const clause = clauseOf(breaks.clauses, text, start, m.end);
  const sentence = clauseOf(breaks.sentences, text, start, m.end);
  let interval = reading.type === 'DATE' || reading.type === 'TIME' ? intervalOf(reading.value, reading.mod) : null;
  let mod = reading.mod;
  const b = g.boundary.exec(text.slice(Math.max(0, start - 20), start));
  if (b && interval) {
    const boundary = g.lex.boundary.get(wordKey(b[1]!))!;
    interval = bounded(interval, boundary, mod);
    mod ??= boundary;
  }
  return {
    text: text.slice(start, m.end),
    span,
    type: reading.type,
    value: reading.value,
    ...(mod ? { mod } : {}),
    interval,
    granularity: granularityOf(reading.value),
    anchor: anchor ? anchorString(anchor) : null,
    ...(anchorInferred ? { anchorInferred } : {}),
    mode: modeOf(breaks.cues({ start: Math.min(clause.start, sentence.start), end: Math.max(clause.end, sentence.end) }), text, clause, sentence, span, interval, anchor),
    clause,
    ...(reading.zone ? { zone: reading.zone } : {}),
    ...(reading.rel ? { rel: reading.rel } : {}),
  };
}

export interface TagOptions {
  /** Join "late 2018 or 2019", "from 2009 to 2010" into one expression spanning both (off for TimeML scoring). */
  combine?: boolean;
  /** True when the anchor is an inferred publication date. */
  anchorInferred?: boolean;
}

/** The earlier and later of two ISO days; an open end (null) stays open. */
function minIso(a: string | null, b: string | null): string | null {
  return a === null || b === null ? null : a < b ? a : b;
}
function maxIso(a: string | null, b: string | null): string | null {
  return a === null || b === null ? null : a > b ? a : b;
}

/** Join two dated expressions linked by "or", "to", "and", "–" into one interval. */
function combineRanges(g: Grammar, text: string, list: Tagged[]): Tagged[] {
  const out: Tagged[] = [];
  for (const t of list) {
    const prev = out[out.length - 1];
    if (prev?.interval && t.interval && prev.type === 'DATE' && t.type === 'DATE' && g.range.test(text.slice(prev.span.end, t.span.start))) {
      out[out.length - 1] = {
        ...prev,
        text: text.slice(prev.span.start, t.span.end),
        span: { start: prev.span.start, end: t.span.end },
        value: `${prev.value}/${t.value}`,
        // Alternatives may come in any order ("May or the third quarter"): the interval covers both, never inverted.
        interval: [minIso(prev.interval[0], t.interval[0]), maxIso(prev.interval[1], t.interval[1])],
        parts: [...(prev.parts ?? [prev.value]), t.value],
        clause: { start: Math.min(prev.clause.start, t.clause.start), end: Math.max(prev.clause.end, t.clause.end) },
      };
    } else out.push(t);
  }
  return out;
}

/**
 * The rules to try at the word text[start, end), run k of the text; none when the word only begins phrases and the
 * next word, past spaces, apostrophes, full stops or hyphens, continues none of them.
 */
function rulesAt(g: Grammar, text: string, runs: WordRuns, k: number, start: number, end: number): (Rule | 'PART')[] | undefined {
  if (!g.heads.mayHold(text, start, end)) return undefined;
  // Most words are lower case already: look them up as written, lower-casing only capitalised ones.
  const c = text.charCodeAt(start);
  const word = text.slice(start, end);
  const d = g.dispatch.get(word) ?? ((c >= 65 && c <= 90) || c > 127 ? g.dispatch.get(word.toLowerCase()) : undefined);
  if (!d?.next) return d?.rules;
  if (k + 1 >= runs.starts.length) return undefined;
  const nextStart = runs.starts[k + 1]!;
  const nextEnd = runs.ends[k + 1]!;
  if (!isPhraseGap(text, end, nextStart) || !g.nexts.mayHold(text, nextStart, nextEnd)) return undefined;
  return d.next.has(text.slice(nextStart, nextEnd).toLowerCase()) ? d.rules : undefined;
}

/** Every temporal expression of a text, resolved against `anchorDate` (YYYY, YYYY-MM or YYYY-MM-DD; null: unresolved). */
export function tagTimes(text: string, lang: string, anchorDate: string | null, opts: TagOptions = {}): Tagged[] {
  const g = grammarFor(lang);
  if (!g) return [];
  const anchor = parseAnchor(anchorDate);
  const found: Tagged[] = [];
  const runs = wordRuns(text);
  const sentences = findBreaks(g.sentenceBreak, text);
  const breaks: TextBreaks = { clauses: findBreaks(g.clauseBreak, text), sentences, cues: sentenceCues(g.lex, text, runs, sentences) };
  // Reading resumes after the last expression found.
  let from = 0;
  for (let k = 0; k < runs.starts.length; k++) {
    if (runs.ends[k]! <= from) continue;
    const wordStart = Math.max(runs.starts[k]!, from);
    const wordEnd = runs.ends[k]!;
    const shape = shapeStart(text, wordStart, wordEnd);
    const rules = shape ? g.shapes.get(shape) : rulesAt(g, text, runs, k, wordStart, wordEnd);
    if (!rules) continue;
    // A decade written '90s starts at its apostrophe.
    const pos = shape === 'DIGIT' && isApostrophe(text.charCodeAt(wordStart - 1)) ? wordStart - 1 : wordStart;
    let at = pos;
    let m = matchAt(g, breaks, text, pos, anchor, rules);
    if (!m && pos < wordStart) m = matchAt(g, breaks, text, (at = wordStart), anchor, rules);
    if (!m) continue;
    const start = withDeterminer(g, text, at, m.rule);
    found.push(toExpression(g, breaks, text, start, m, anchor, !!opts.anchorInferred));
    from = m.end;
  }
  return opts.combine ? combineRanges(g, text, found) : found;
}
