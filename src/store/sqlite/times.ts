// SQLite rows of the time analysis: one row per temporal expression, one per inferred publication range.
import type { Sql } from './sql.js';
import type { TimeAnalysis, TimeExpression } from '../../model.js';

type Row = Record<string, unknown>;

/** Write one article's time analysis (inside the caller's transaction). */
export function insertTimes(sql: Sql, articleSeq: number, times: TimeAnalysis | undefined): void {
  if (!times) return;
  const insert = sql(
    `INSERT INTO times (article_seq, idx, text, span_start, span_end, type, value, mod, interval_start, interval_end, granularity,
       anchor, anchor_inferred, mode, clause_start, clause_end, zone, parts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  times.expressions.forEach((t, i) =>
    insert.run(
      articleSeq, i, t.text, t.span.start, t.span.end, t.type, t.value, t.mod ?? null, t.interval?.[0] ?? null, t.interval?.[1] ?? null,
      t.granularity, t.anchor, t.anchorInferred ? 1 : 0, t.mode, t.clause.start, t.clause.end, t.zone ?? null, t.parts ? JSON.stringify(t.parts) : null,
    ),
  );
  const p = times.publishedInferred;
  if (p) sql('INSERT INTO published_inferred (article_seq, start, end, confidence, basis) VALUES (?, ?, ?, ?, ?)').run(articleSeq, p.start, p.end, p.confidence, JSON.stringify(p.basis));
}

function toExpression(r: Row): TimeExpression {
  const start = (r.interval_start as string) ?? null;
  const end = (r.interval_end as string) ?? null;
  return {
    text: r.text as string,
    span: { start: r.span_start as number, end: r.span_end as number },
    type: r.type as TimeExpression['type'],
    value: r.value as string,
    ...(r.mod ? { mod: r.mod as string } : {}),
    interval: start || end ? [start, end] : null,
    granularity: r.granularity as TimeExpression['granularity'],
    anchor: (r.anchor as string) ?? null,
    ...(r.anchor_inferred ? { anchorInferred: true } : {}),
    mode: r.mode as TimeExpression['mode'],
    clause: { start: r.clause_start as number, end: r.clause_end as number },
    ...(r.zone ? { zone: r.zone as string } : {}),
    ...(r.parts ? { parts: JSON.parse(r.parts as string) as string[] } : {}),
  };
}

function toInferred(p: Row | undefined): TimeAnalysis['publishedInferred'] {
  return p ? { start: p.start as string, end: p.end as string, inferred: true, basis: JSON.parse(p.basis as string) as string[], confidence: p.confidence as number } : null;
}

/** One article's time analysis as stored. */
export function readTimes(sql: Sql, articleId: string): TimeAnalysis {
  const seq = sql('SELECT seq FROM articles WHERE id = ?').pluck().get(articleId) as number | undefined;
  const rows = sql('SELECT * FROM times WHERE article_seq = ? ORDER BY idx').all(seq) as Row[];
  return { expressions: rows.map(toExpression), publishedInferred: toInferred(sql('SELECT * FROM published_inferred WHERE article_seq = ?').get(seq) as Row | undefined) };
}

/** The time analyses of a story's members, in two queries (a story view reads them all). */
export function storyTimes(sql: Sql, storyId: string): Map<string, TimeAnalysis> {
  const out = new Map<string, TimeAnalysis>();
  const of = (id: string): TimeAnalysis => out.get(id) ?? out.set(id, { expressions: [], publishedInferred: null }).get(id)!;
  const rows = sql(
    'SELECT a.id AS article_id, t.* FROM assignments s JOIN times t ON t.article_seq = s.article_seq JOIN articles a ON a.seq = s.article_seq WHERE s.story_id = ? ORDER BY s.article_seq, t.idx',
  ).all(storyId) as Row[];
  for (const r of rows) of(r.article_id as string).expressions.push(toExpression(r));
  const inferred = sql(
    'SELECT a.id AS article_id, p.* FROM assignments s JOIN published_inferred p ON p.article_seq = s.article_seq JOIN articles a ON a.seq = s.article_seq WHERE s.story_id = ?',
  ).all(storyId) as Row[];
  for (const p of inferred) of(p.article_id as string).publishedInferred = toInferred(p);
  return out;
}
