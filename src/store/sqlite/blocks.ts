// SQLite rows of an article's blocks. A kept block is most often a stretch of the article's text: it is stored as
// its span there, so the words are written once; any other block keeps its own text.
import type { Sql } from './sql.js';
import type { Analysis, Block, Document } from '../../model.js';

type Row = Record<string, unknown>;

/** Where each kept block lies in `text`, searching onwards in block order; null where it is not found there. */
export function keptBlockSpans(text: string, blocks: Block[]): ({ start: number; end: number } | null)[] {
  let from = 0;
  return blocks.map((b) => {
    const at = b.kept ? text.indexOf(b.text, from) : -1;
    if (at < 0) return null;
    from = at + b.text.length;
    return { start: at, end: from };
  });
}

/** Write one article's blocks (inside the caller's transaction). */
export function insertBlocks(sql: Sql, articleSeq: number, doc: Document, analysis: Analysis): void {
  const insert = sql('INSERT INTO blocks (article_seq, idx, text, start, end, kept, kind, reason, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const otherLang = new Map((analysis.otherLangBlocks ?? []).map((b) => [b.index, b.lang]));
  const spans = keptBlockSpans(doc.text, doc.blocks);
  doc.blocks.forEach((b, i) => {
    const span = spans[i];
    const lang = b.kept ? otherLang.get(b.index) ?? analysis.lang : null;
    insert.run(articleSeq, b.index, span ? null : b.text, span?.start ?? null, span?.end ?? null, b.kept ? 1 : 0, b.kind, b.reason, lang);
  });
}

/** One article's blocks, kept or dropped, in page order. */
export function readBlocks(sql: Sql, articleId: string): Block[] {
  const article = sql('SELECT seq, text FROM articles WHERE id = ?').get(articleId) as Row | undefined;
  if (!article) return [];
  const text = article.text as string;
  const rows = sql('SELECT * FROM blocks WHERE article_seq = ? ORDER BY idx').all(article.seq) as Row[];
  return rows.map((r) => ({
    index: r.idx as number,
    text: (r.text as string | null) ?? text.slice(r.start as number, r.end as number),
    kept: r.kept === 1,
    kind: r.kind as Block['kind'],
    reason: r.reason as string,
    ...(r.lang ? { lang: r.lang as string } : {}),
  }));
}
