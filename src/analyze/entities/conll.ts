// CoNLL-style NER files (one `token<TAB>tag` or `index<TAB>token<TAB>tag` line per token, blank line between
// sentences) and entity spans from BIO tags, shared by training and the benchmark.
import { readFileSync } from 'node:fs';

export interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

export interface EntitySpan {
  type: string;
  start: number;
  /** Exclusive token index. */
  end: number;
}

/** The types the tagger learns; anything else (MISC) is read as O. */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC'] as const;

/** A tag with types outside ENTITY_TYPES mapped to O. */
export function keepTypes(tag: string): string {
  const type = tag.slice(2);
  return (ENTITY_TYPES as readonly string[]).includes(type) ? tag : 'O';
}

/** Sentences of a CoNLL file: the last two tab-separated columns are token and tag. */
export function readConll(path: string, limit = Infinity): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let current: TaggedSentence = { tokens: [], tags: [] };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') {
      if (current.tokens.length) out.push(current);
      current = { tokens: [], tags: [] };
      if (out.length >= limit) return out;
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    current.tokens.push(cols[cols.length - 2]!);
    current.tags.push(keepTypes(cols[cols.length - 1]!.trim()));
  }
  if (current.tokens.length && out.length < limit) out.push(current);
  return out;
}

/** Entity spans of a BIO tag sequence; an I-X that does not continue an X span starts one (as conlleval reads it). */
export function bioSpans(tags: string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: EntitySpan | null = null;
  tags.forEach((tag, i) => {
    const type = tag === 'O' ? null : tag.slice(2);
    const continues = open && type === open.type && tag.startsWith('I-');
    if (open && !continues) {
      open.end = i;
      spans.push(open);
      open = null;
    }
    if (type && !continues) open = { type, start: i, end: i + 1 };
  });
  if (open) {
    (open as EntitySpan).end = tags.length;
    spans.push(open);
  }
  return spans;
}
