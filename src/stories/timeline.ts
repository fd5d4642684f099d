// A story's timeline: dated happenings and plans from its articles, merged across articles and languages, with citations.
import type { Span, TimeExpression, TimeMode, TimelineCitation, TimelineEntry } from '../model.js';
import type { MemberArticle } from '../store/types.js';
import { anchorOfRange } from '../analyze/time/index.js';
import { tagTimes } from '../analyze/time/tagger.js';
import { foldWord } from '../text/normalize.js';
import { isCapitalized, words } from '../text/tokens.js';

const MAX_LABEL = 240;
/** Two clauses about one happening share this share of their words (of the shorter), or a name. */
const SAME_CLAUSE = 0.3;
const MIN_WORD = 4;

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_LABEL ? `${t.slice(0, MAX_LABEL - 1)}…` : t;
}

/**
 * The date an undated article is read against: the month (or year) all dated members share. Month-level at most:
 * a day is never made up.
 */
export function storyAnchor(members: MemberArticle[]): string | null {
  const dates = members.map((m) => m.published).filter((d): d is string => !!d).sort();
  return dates.length ? anchorOfRange(dates[0]!, dates[dates.length - 1]!) : null;
}

/** The member's expressions, resolved against the story's dates when the article has neither date nor inferred range. */
function expressionsOf(m: MemberArticle, anchor: string | null): TimeExpression[] {
  if (!m.times) return tagTimes(m.text, m.lang, m.published, { combine: true });
  if (m.published || m.times.publishedInferred || !anchor) return m.times.expressions;
  return tagTimes(m.text, m.lang, anchor, { combine: true, anchorInferred: true });
}

function datable(t: TimeExpression): boolean {
  return (t.type === 'DATE' || t.type === 'TIME') && !!t.interval && !t.value.includes('X') && t.granularity !== 'none';
}

interface Draft {
  entry: TimelineEntry;
  words: Set<string>;
  names: Set<string>;
}

/** A clause's longer words, folded, and those of them written capitalised after its first word (names), in one pass. */
function clauseWords(text: string): { words: Set<string>; names: Set<string> } {
  const out = { words: new Set<string>(), names: new Set<string>() };
  words(text).forEach((w, i) => {
    if (w.length < MIN_WORD) return;
    const folded = foldWord(w);
    out.words.add(folded);
    if (i > 0 && isCapitalized(w)) out.names.add(folded);
  });
  return out;
}

function similar(a: Draft, b: { words: Set<string>; names: Set<string> }): boolean {
  let shared = 0;
  for (const w of a.words) if (b.words.has(w)) shared++;
  const smaller = Math.min(a.words.size, b.words.size) || 1;
  if (shared / smaller >= SAME_CLAUSE) return true;
  for (const n of a.names) if (b.names.has(n)) return true;
  return false;
}

function citation(m: MemberArticle, span: Span, text: string, clause: Span): TimelineCitation {
  return { article: m.id, lang: m.lang, span, text, clause: clip(m.text.slice(clause.start, clause.end)) };
}

/** The mode most citations give; a tie goes to what happened. */
function majorityMode(modes: TimeMode[]): TimeMode {
  const counts = new Map<TimeMode, number>();
  for (const m of modes) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] === 'happened' ? -1 : b[0] === 'happened' ? 1 : 0))[0]![0];
}

function sortKey(e: TimelineEntry): string {
  return e.interval[0] ?? e.interval[1] ?? '9999';
}

/** Every dated happening and plan of a story, one entry per interval and similar clause, in time order. */
export function buildTimeline(members: MemberArticle[]): TimelineEntry[] {
  const anchor = storyAnchor(members);
  const drafts: Draft[] = [];
  // Drafts by basis and interval, in creation order: only those can take an entry (no scan of the whole story).
  const byInterval = new Map<string, Draft[]>();
  const modes = new Map<Draft, TimeMode[]>();
  const add = (entry: TimelineEntry, mode: TimeMode, clauseText: string): void => {
    const key = clauseWords(clauseText);
    const slot = `${entry.basis} ${entry.interval[0]} ${entry.interval[1]}`;
    const peers = byInterval.get(slot) ?? [];
    const same = peers.find((d) => similar(d, key));
    if (same) {
      if (!same.entry.citations.some((c) => c.article === entry.citations[0]!.article)) same.entry.citations.push(...entry.citations);
      modes.get(same)!.push(mode);
      key.words.forEach((w) => same.words.add(w));
      key.names.forEach((n) => same.names.add(n));
      return;
    }
    const draft = { entry, ...key };
    drafts.push(draft);
    peers.push(draft);
    byInterval.set(slot, peers);
    modes.set(draft, [mode]);
  };
  for (const m of members) {
    if (m.duplicateOf) continue;
    for (const t of expressionsOf(m, anchor).filter(datable)) {
      const c = citation(m, t.span, t.text, t.clause);
      add({ value: t.value, interval: t.interval!, granularity: t.granularity, mode: t.mode, label: c.clause, basis: 'expression', citations: [c] }, t.mode, c.clause);
    }
    const lead = m.sentences[0];
    if (m.published && lead) {
      const c = citation(m, lead, m.title, lead);
      const day = m.published.slice(0, 10);
      add({ value: day, interval: [day, day], granularity: 'day', mode: 'happened', label: m.title, basis: 'publication', citations: [c] }, 'happened', `${m.title} ${c.clause}`);
    }
  }
  for (const d of drafts) d.entry.mode = majorityMode(modes.get(d)!);
  return drafts.map((d) => d.entry).sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.granularity.localeCompare(b.granularity));
}

const MODE_TITLES: Record<TimeMode, string> = {
  happened: 'What happened',
  planned: 'Planned or expected',
  hypothetical: 'Possible (if, could)',
  negated: 'Denied or called off',
};

function when(e: TimelineEntry): string {
  const [s, t] = e.interval;
  if (e.value.includes('/')) return `${e.value} (${s ?? '…'} – ${t ?? '…'})`;
  if (!s) return `by ${t} (${e.value})`;
  if (!t) return `from ${s} (${e.value})`;
  return s === t ? s : `${e.value} (${s} – ${t})`;
}

/** The timeline as Markdown: happenings first, plans and the rest apart; each line cites its articles. */
export function timelineMarkdown(title: string, entries: TimelineEntry[], articleNumber: (id: string) => number): string {
  const out = [`# Timeline: ${title}`, ''];
  for (const mode of Object.keys(MODE_TITLES) as TimeMode[]) {
    const list = entries.filter((e) => e.mode === mode);
    if (!list.length) continue;
    out.push(`## ${MODE_TITLES[mode]}`, '');
    for (const e of list) {
      const cites = e.citations.map((c) => `[${articleNumber(c.article)}] "${c.text}" @${c.span.start}–${c.span.end}`).join('; ');
      out.push(`- **${when(e)}** — ${e.label}${e.basis === 'publication' ? ' (publication date)' : ''} · ${cites}`);
    }
    out.push('');
  }
  if (out.length === 2) out.push('No dated happenings found.', '');
  return out.join('\n');
}
