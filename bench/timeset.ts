// The team-written set of temporal expressions (test/fixtures/time/expressions.tsv): each resolved against its date.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tagTimes } from '../src/analyze/time/tagger.js';
import type { TimeExpression } from '../src/model.js';

export const TIME_SET = fileURLToPath(new URL('../../test/fixtures/time/expressions.tsv', import.meta.url));

export interface TimeCase {
  line: number;
  lang: string;
  published: string;
  expression: string;
  value: string;
  /** Expected interval "start..end" (either side may be empty for open), or '' when not checked. */
  interval: string;
  mode: string;
  sentence: string;
}

/** Tab-separated: lang, published, expression, value, interval, mode, sentence; # starts a comment. */
export function readTimeSet(path = TIME_SET): TimeCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.trim() && !l.startsWith('#'))
    .map(({ l, i }) => {
      const [lang, published, expression, value, interval, mode, sentence] = l.split('\t');
      if (!sentence) throw new Error(`${path}:${i + 1}: expected 7 tab-separated fields`);
      return { line: i + 1, lang: lang!, published: published!, expression: expression!, value: value!, interval: interval!, mode: mode!, sentence };
    });
}

export interface CaseResult {
  case: TimeCase;
  got: TimeExpression | null;
  ok: boolean;
}

function intervalText(t: TimeExpression): string {
  return t.interval ? `${t.interval[0] ?? ''}..${t.interval[1] ?? ''}` : '';
}

/** A case is right when the tagger finds the expression at its place with the expected value, mode and interval. */
export function runCase(c: TimeCase): CaseResult {
  const at = c.sentence.search(new RegExp(`(?<![\\p{L}\\p{N}])${c.expression.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'));
  if (at < 0) throw new Error(`line ${c.line}: "${c.expression}" is not in its sentence`);
  const found = tagTimes(c.sentence, c.lang, c.published === '-' ? null : c.published, { combine: true });
  const got = found.find((t) => t.span.start < at + c.expression.length && at < t.span.end) ?? null;
  const ok = !!got && got.text === c.expression && got.value === c.value && got.mode === c.mode && (!c.interval || intervalText(got) === c.interval);
  return { case: c, got, ok };
}

export interface SetScore {
  byLang: Record<string, { n: number; correct: number; accuracy: number }>;
  n: number;
  correct: number;
  accuracy: number;
  misses: CaseResult[];
}

export function scoreTimeSet(cases: TimeCase[] = readTimeSet()): SetScore {
  const results = cases.map(runCase);
  const byLang: SetScore['byLang'] = {};
  for (const r of results) {
    const b = (byLang[r.case.lang] ??= { n: 0, correct: 0, accuracy: 0 });
    b.n++;
    if (r.ok) b.correct++;
  }
  for (const b of Object.values(byLang)) b.accuracy = b.correct / b.n;
  const correct = results.filter((r) => r.ok).length;
  return { byLang, n: results.length, correct, accuracy: results.length ? correct / results.length : 0, misses: results.filter((r) => !r.ok) };
}

export function describeMiss(r: CaseResult): string {
  const g = r.got;
  return `${r.case.lang}:${r.case.line} "${r.case.expression}" want ${r.case.value} ${r.case.mode} ${r.case.interval} · got ${g ? `"${g.text}" ${g.value} ${g.mode} ${intervalText(g)}` : 'nothing'}`;
}
