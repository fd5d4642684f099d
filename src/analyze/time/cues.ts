// Tense and mode cue words of a text, found in one pass: each distinct word is classified once and remembered;
// plain phrases ("going to", "va a") are matched word by word.
import type { Span } from '../../model.js';
import type { Lexicon } from './lexicon.js';

export const CUE = { past: 1, future: 2, planned: 4, hypothetical: 8, negated: 16 } as const;
export type CueKind = keyof typeof CUE;

export interface Cue {
  start: number;
  end: number;
  kinds: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** Remembered words per language; cleared when it grows past this. */
const MEMO_LIMIT = 100_000;

interface Classifier {
  /** One anchored regex per kind, tested against a whole word. */
  single: [number, RegExp][];
  /** First word → the phrases starting with it, as word lists, with their kinds. */
  phrases: Map<string, { words: string[]; kinds: number }[]>;
  memo: Map<string, number>;
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

function classify(c: Classifier, word: string): number {
  let mask = c.memo.get(word);
  if (mask === undefined) {
    mask = 0;
    for (const [bit, re] of c.single) if (re.test(word)) mask |= bit;
    if (c.memo.size > MEMO_LIMIT) c.memo.clear();
    c.memo.set(word, mask);
  }
  return mask;
}

/** Every cue word and phrase of a text between `from` and `to`, in order. */
export function findCues(lex: Lexicon, text: string, from = 0, to = text.length): Cue[] {
  const c = classifierFor(lex);
  const tokens: { start: number; end: number; word: string }[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  const out: Cue[] = [];
  tokens.forEach((t, i) => {
    const kinds = classify(c, t.word);
    if (kinds) out.push({ start: t.start, end: t.end, kinds });
    for (const p of c.phrases.get(t.word.toLowerCase()) ?? []) {
      const last = tokens[i + p.words.length - 1];
      if (last && p.words.every((w, k) => tokens[i + k]!.word.toLowerCase() === w)) out.push({ start: t.start, end: last.end, kinds: p.kinds });
    }
  });
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
