// Tense and mode cue words of a text, found in one pass: each distinct word is classified once and remembered;
// plain phrases ("going to", "va a") are matched word by word.
import type { Span } from '../../model.js';
import type { Lexicon } from './lexicon.js';
import { isApostrophe, runAfter, type WordRuns } from './words.js';

export const CUE = { past: 1, future: 2, planned: 4, hypothetical: 8, negated: 16 } as const;
export type CueKind = keyof typeof CUE;

export interface Cue {
  start: number;
  end: number;
  kinds: number;
}

/** Remembered words per language; cleared when it grows past this. */
const MEMO_LIMIT = 100_000;

interface Phrase {
  words: string[];
  kinds: number;
}

/** What a word is: its cue kinds as a single word, and the phrases it may begin. */
interface WordCues {
  word: string;
  kinds: number;
  phrases: Phrase[] | undefined;
}

interface Classifier {
  /** One anchored regex per kind, tested against a whole word. */
  single: [number, RegExp][];
  /** First word → the phrases starting with it, as word lists, with their kinds. */
  phrases: Map<string, Phrase[]>;
  /** Words classified so far, by a hash of their characters (a bucket keeps the last word seen with its hash). */
  memo: Map<number, WordCues>;
}

const classifiers = new WeakMap<Lexicon, Classifier>();

/** A plain phrase has a space and no regex syntax. */
const isPhrase = (s: string): boolean => / /.test(s) && !/[\\()|?*+[\]]/.test(s);

/** Word patterns as one regex over a whole word: `\b` marks become anchors; a pattern without a leading `\b` is a suffix. */
function wholeWord(sources: string[]): RegExp | null {
  if (!sources.length) return null;
  const parts = sources.map((s) => (s.startsWith('\\b') ? s.slice(2) : `.*${s}`).replace(/\\b$/, ''));
  return new RegExp(`^(?:${parts.join('|')})$`, 'u');
}

function classifierFor(lex: Lexicon): Classifier {
  let c = classifiers.get(lex);
  if (!c) {
    const lists: Record<CueKind, string[]> = { ...lex.data.tense, ...lex.data.mode };
    c = { single: [], phrases: new Map(), memo: new Map() };
    for (const [kind, sources] of Object.entries(lists) as [CueKind, string[]][]) {
      const re = wholeWord(sources.filter((s) => !isPhrase(s)).map((s) => s.replace(/'/g, "['’]")));
      if (re) c.single.push([CUE[kind], re]);
      for (const p of sources.filter(isPhrase)) {
        const words = p.toLowerCase().split(' ');
        const list = c.phrases.get(words[0]!) ?? [];
        const same = list.find((x) => x.words.join(' ') === words.join(' '));
        if (same) same.kinds |= CUE[kind];
        else list.push({ words, kinds: CUE[kind] });
        c.phrases.set(words[0]!, list);
      }
    }
    classifiers.set(lex, c);
  }
  return c;
}

/** FNV-1a hash of text[start, end): a word recognised without cutting it out of the text. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function classify(c: Classifier, text: string, start: number, end: number): WordCues {
  const hash = hashOf(text, start, end);
  let cues = c.memo.get(hash);
  if (cues === undefined || cues.word.length !== end - start || !text.startsWith(cues.word, start)) {
    const word = text.slice(start, end);
    let kinds = 0;
    for (const [bit, re] of c.single) if (re.test(word)) kinds |= bit;
    cues = { word, kinds, phrases: c.phrases.get(word.toLowerCase()) };
    if (c.memo.size > MEMO_LIMIT) c.memo.clear();
    c.memo.set(hash, cues);
  }
  return cues;
}

/** Cue words: the text's word runs joined across an apostrophe ("won't", "l'anno"), from `from` up to `to`. */
function cueTokens(text: string, runs: WordRuns, from: number, to: number): { starts: number[]; ends: number[] } {
  const tokens = { starts: [] as number[], ends: [] as number[] };
  const n = runs.starts.length;
  for (let k = runAfter(runs, from); k < n; k++) {
    const start = Math.max(runs.starts[k]!, from);
    if (start >= to) break;
    while (k + 1 < n && runs.starts[k + 1] === runs.ends[k]! + 1 && isApostrophe(text.charCodeAt(runs.ends[k]!))) k++;
    tokens.starts.push(start);
    tokens.ends.push(runs.ends[k]!);
  }
  return tokens;
}

/** Every cue word and phrase of a text between `from` and `to`, in order. */
export function findCues(lex: Lexicon, text: string, runs: WordRuns, from: number, to: number): Cue[] {
  const c = classifierFor(lex);
  const { starts, ends } = cueTokens(text, runs, from, to);
  const lower = (i: number): string => text.slice(starts[i], ends[i]).toLowerCase();
  const out: Cue[] = [];
  for (let i = 0; i < starts.length; i++) {
    const { kinds, phrases } = classify(c, text, starts[i]!, ends[i]!);
    if (kinds) out.push({ start: starts[i]!, end: ends[i]!, kinds });
    for (const p of phrases ?? []) {
      const last = i + p.words.length - 1;
      if (last < starts.length && p.words.every((w, k) => lower(i + k) === w)) out.push({ start: starts[i]!, end: ends[last]!, kinds: p.kinds });
    }
  }
  return out;
}

/** Distance from the nearest cue of a kind inside `within` to the span, or Infinity; cues inside the span do not count. */
export function nearestCue(cues: Cue[], kind: number, within: Span, span: Span): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.start < within.start) lo = mid + 1;
    else hi = mid;
  }
  let best = Infinity;
  for (let i = lo; i < cues.length && cues[i]!.start < within.end; i++) {
    const q = cues[i]!;
    if (!(q.kinds & kind) || q.end > within.end || (q.end > span.start && q.start < span.end)) continue;
    best = Math.min(best, q.end <= span.start ? span.start - q.end : q.start - span.end);
  }
  return best;
}
