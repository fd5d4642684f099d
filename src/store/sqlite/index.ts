// SQLite store (better-sqlite3): WAL, versioned migrations, FTS5, one transaction per batch.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Block, RunSummary, Span, Story, TimeAnalysis } from '../../model.js';
import { bandKeys } from '../../link/minhash.js';
import { addFeature, emptyLinkState, type Cluster, type LinkState } from '../../link/index.js';
import { centroidOf, centroidPairs, isAnchorName } from '../../link/state.js';
import type { BatchWrite, EntityView, MemberArticle, SearchHit, Store, StoreStats, StoredArticle, StoredAssignment, StoredReject, StoryEntity } from '../types.js';
import { SpellingIndex, entityView, findEntities, storyEntities, writeArticleEntities } from './entities.js';
import { rejectKey } from '../keys.js';
import { insertTimes, readTimes, storyTimes } from './times.js';
import { insertBlocks, readBlocks } from './blocks.js';
import type { Sql } from './sql.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

type Row = Record<string, unknown>;

/** Apply the numbered migrations newer than the database's user_version, each in its own transaction. */
function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
  for (const file of files) {
    const version = Number(file.split('_')[0]);
    if (version <= current) continue;
    db.transaction(() => {
      db.exec(readFileSync(MIGRATIONS_DIR + file, 'utf8'));
      db.pragma(`user_version = ${version}`);
    })();
  }
}

function json<T>(value: unknown, fallback: T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : fallback;
}

function toArticle(r: Row): StoredArticle {
  return {
    id: r.id as string,
    origin: r.origin as string,
    recordId: (r.record_id as string) ?? null,
    url: (r.url as string) ?? null,
    title: r.title as string,
    text: r.text as string,
    lang: r.lang as string,
    langConfidence: r.lang_confidence as number,
    published: (r.published as string) ?? null,
    publishedSource: (r.published_source as string) ?? null,
    source: (r.source as string) ?? null,
    author: (r.author as string) ?? null,
    format: r.format as string,
    wordCount: r.word_count as number,
    meta: json(r.meta, {}),
    warnings: json(r.warnings, []),
  };
}

function toCluster(r: Row, storyId: string | null): Cluster {
  return {
    id: r.id as string,
    storyId,
    counts: centroidOf(json<number[]>(r.counts, [])),
    size: r.size as number,
    firstDate: (r.first_date as string) ?? null,
    lastDate: (r.last_date as string) ?? null,
    seq: r.seq as number,
  };
}

/** Frequencies by id (a holey array) as flat JSON pairs. */
function dfJson(df: number[]): string {
  const flat: number[] = [];
  df.forEach((n, id) => flat.push(id, n));
  return JSON.stringify(flat);
}

/** An FTS5 query from user words: each word quoted, all required; a trailing * keeps prefix search. */
export function ftsQuery(query: string): string {
  return query
    .split(/\s+/)
    .map((w) => w.replace(/["]/g, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .map((w) => (w.endsWith('*') ? `"${w.slice(0, -1)}"*` : `"${w}"`))
    .join(' ');
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** Entity ids known to be stored, so that writing a mention rarely needs a look-up. */
  private readonly storedEntities = new Set<string>();
  /** Stored names by shape and length, for the spelling-variant look-up. */
  private readonly spellings = new SpellingIndex();

  /** Statements are compiled once: the hot ones run per article. */
  private readonly sql: Sql = (text) => {
    let stmt = this.statements.get(text);
    if (!stmt) this.statements.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  };

  constructor(readonly location: string) {
    this.db = new Database(location);
    // 16 KB pages: fewer, larger B-tree nodes and WAL frames per batch, 1.5 % less ingest CPU than 4 KB (32 KB gained no more).
    // Only a new file takes it; an existing database keeps its page size.
    this.db.pragma('page_size = 16384');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // A 64 MB page cache keeps the indexes a batch touches in memory (the default 2 MB thrashes past a few thousand articles).
    this.db.pragma('cache_size = -65536');
    // A checkpoint every 64 MB of WAL (in 16 KB pages).
    this.db.pragma('wal_autocheckpoint = 4096');
    migrate(this.db);
  }

  async existingArticleIds(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const stmt = this.sql('SELECT 1 FROM articles WHERE id = ?').pluck();
    for (const id of ids) if (stmt.get(id)) found.add(id);
    return found;
  }

  async loadLinkState(): Promise<LinkState> {
    const state = emptyLinkState();
    state.docs = (this.sql("SELECT value FROM link_meta WHERE key = 'docs'").pluck().get() as number) ?? 0;
    for (const r of this.sql('SELECT id, name FROM features').iterate() as Iterable<Row>) addFeature(state.features, r.id as number, r.name as string);
    for (const r of this.sql('SELECT feature_id, n FROM doc_freq_by_id').iterate() as Iterable<Row>) state.df[r.feature_id as number] = r.n as number;
    const idf = this.sql('SELECT docs, df FROM idf_snapshot WHERE id = 1').get() as Row | undefined;
    if (idf) state.idf = { docs: idf.docs as number, df: [] };
    const flat = json<number[]>(idf?.df, []);
    for (let i = 0; i + 1 < flat.length; i += 2) state.idf.df[flat[i]!] = flat[i + 1]!;
    for (const r of this.sql('SELECT * FROM stories ORDER BY seq').iterate() as Iterable<Row>) state.stories.set(r.id as string, toCluster(r, null));
    for (const r of this.sql('SELECT * FROM events ORDER BY seq').iterate() as Iterable<Row>) state.events.set(r.id as string, toCluster(r, r.story_id as string));
    state.seq = Math.max(0, ...[...state.events.values(), ...state.stories.values()].map((c) => c.seq));
    const rows = this.db
      .prepare(
        `SELECT a.id, a.content_hash, s.event_id, s.story_id, s.duplicate_of, n.minhash
         FROM articles a JOIN assignments s ON s.article_seq = a.seq JOIN analyses n ON n.article_seq = a.seq ORDER BY a.seq`,
      )
      .iterate() as Iterable<Row>;
    for (const r of rows) {
      const id = r.id as string;
      state.placed.set(id, { event: r.event_id as string, story: r.story_id as string });
      if (r.duplicate_of) continue;
      state.hashes.set(r.content_hash as string, id);
      const sig = json<number[]>(r.minhash, []);
      state.signatures.set(id, sig);
      for (const key of bandKeys(sig)) {
        const list = state.bands.get(key);
        if (list) list.push(id);
        else state.bands.set(key, [id]);
      }
    }
    return state;
  }

  async writeBatch(batch: BatchWrite): Promise<void> {
    const insertArticle = this.sql(
      `INSERT INTO articles (id, origin, record_id, url, canonical_url, title, title_derived, text, lang, lang_confidence,
        published, published_source, source, author, format, content_hash, word_count, meta, warnings, run_id)
       VALUES (@id, @origin, @record_id, @url, @canonical_url, @title, @title_derived, @text, @lang, @lang_confidence,
        @published, @published_source, @source, @author, @format, @content_hash, @word_count, @meta, @warnings, @run_id)`,
    );
    const insertAnalysis = this.sql('INSERT INTO analyses (article_seq, sentences, anchors, minhash) VALUES (?, ?, ?, ?)');
    const insertAssignment = this.sql('INSERT INTO assignments (article_seq, event_id, story_id, duplicate_of, score) VALUES (?, ?, ?, ?, ?)');
    const upsertStory = this.sql(
      `INSERT INTO stories (id, seq, counts, size, first_date, last_date, view_stale) VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT(id) DO UPDATE SET counts = excluded.counts, size = excluded.size, first_date = excluded.first_date,
         last_date = excluded.last_date, view_stale = 1`,
    );
    const upsertEvent = this.sql(
      `INSERT INTO events (id, story_id, seq, counts, size, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET counts = excluded.counts, size = excluded.size, first_date = excluded.first_date, last_date = excluded.last_date`,
    );
    const markStale = this.sql('UPDATE stories SET view_stale = 1 WHERE id = ?');
    const addFeature = this.sql('INSERT INTO features (id, name) VALUES (?, ?)');
    const addDf = this.sql('INSERT INTO doc_freq_by_id (feature_id, n) VALUES (?, ?) ON CONFLICT(feature_id) DO UPDATE SET n = n + excluded.n');
    const addDocs = this.sql("INSERT INTO link_meta (key, value) VALUES ('docs', ?) ON CONFLICT(key) DO UPDATE SET value = value + excluded.value");
    const saveIdf = this.sql('INSERT INTO idf_snapshot (id, docs, df) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET docs = excluded.docs, df = excluded.df');
    const insertSyndication = this.sql('INSERT OR IGNORE INTO syndication (a, b, jaccard) VALUES (?, ?, ?)');
    const upsertReject = this.sql(
      `INSERT INTO rejects (id, origin, reason, detail, first_run_id, last_run_id) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET last_run_id = excluded.last_run_id, seen = seen + 1, detail = excluded.detail`,
    );
    // The batch's articles enter the full-text index together, after their rows (see migration 009).
    const indexText = this.sql('INSERT INTO articles_fts (rowid, title, text) SELECT seq, title, text FROM articles WHERE seq >= ?');
    const write = this.db.transaction(() => {
      let firstSeq = 0;
      for (const { article, assignment } of batch.articles) {
        const { doc, analysis } = article;
        const seq = Number(insertArticle.run({
          id: article.id, origin: doc.origin, record_id: doc.recordId ?? null, url: doc.url ?? null, canonical_url: doc.canonicalUrl,
          title: doc.title, title_derived: doc.titleDerived ? 1 : 0, text: doc.text, lang: analysis.lang,
          lang_confidence: analysis.langConfidence, published: doc.published, published_source: doc.publishedSource,
          source: doc.source, author: doc.author, format: doc.format, content_hash: analysis.contentHash,
          word_count: analysis.wordCount, meta: JSON.stringify(doc.meta), warnings: JSON.stringify(doc.warnings), run_id: batch.runId,
        }).lastInsertRowid);
        insertBlocks(this.sql, seq, doc, analysis);
        const anchors: [string, number][] = [];
        analysis.features.forEach((n, f) => isAnchorName(f) && anchors.push([f, n]));
        insertAnalysis.run(seq, JSON.stringify(analysis.sentences), JSON.stringify(anchors), JSON.stringify(analysis.minhash));
        insertTimes(this.sql, seq, analysis.times);
        insertAssignment.run(seq, assignment.event, assignment.story, assignment.duplicateOf, assignment.score);
        writeArticleEntities(this.sql, { id: article.id, seq }, assignment.story, analysis, { stored: this.storedEntities, spellings: this.spellings });
        markStale.run(assignment.story);
        firstSeq ||= seq;
      }
      if (firstSeq) indexText.run(firstSeq);
      for (const f of batch.link.newFeatures) addFeature.run(f.id, f.name);
      for (const s of batch.link.stories) upsertStory.run(s.id, s.seq, JSON.stringify(centroidPairs(s.counts)), s.size, s.firstDate, s.lastDate);
      for (const e of batch.link.events) upsertEvent.run(e.id, e.storyId, e.seq, JSON.stringify(centroidPairs(e.counts)), e.size, e.firstDate, e.lastDate);
      for (const [f, n] of batch.link.dfDelta) addDf.run(f, n);
      if (batch.link.docs) addDocs.run(batch.link.docs);
      if (batch.link.idf) saveIdf.run(batch.link.idf.docs, dfJson(batch.link.idf.df));
      for (const s of batch.link.syndication) insertSyndication.run(s.a, s.b, s.jaccard);
      for (const r of batch.rejects) upsertReject.run(rejectKey(r), r.origin, r.reason, r.detail ?? null, batch.runId, batch.runId);
    });
    try {
      write();
    } catch (err) {
      // The rolled-back batch may have added ids that are not stored after all.
      this.storedEntities.clear();
      this.spellings.clear();
      throw err;
    }
  }

  async startRun(runId: string, inputs: string[]): Promise<void> {
    this.sql('INSERT OR IGNORE INTO ingest_runs (id, started_at, inputs) VALUES (?, ?, ?)').run(runId, new Date().toISOString(), JSON.stringify(inputs));
  }

  async finishRun(summary: RunSummary): Promise<void> {
    this.sql('UPDATE ingest_runs SET finished_at = ?, summary = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify(summary), summary.runId);
  }

  async staleStoryIds(): Promise<string[]> {
    return this.sql('SELECT id FROM stories WHERE view_stale = 1 ORDER BY seq').pluck().all() as string[];
  }

  private syndicatedWith(articleId: string): string[] {
    return this.db
      .prepare('SELECT b AS other FROM syndication WHERE a = ? UNION SELECT a FROM syndication WHERE b = ? ORDER BY other')
      .pluck()
      .all(articleId, articleId) as string[];
  }

  async storyMembers(storyId: string): Promise<MemberArticle[]> {
    const rows = this.sql(
      `SELECT a.*, s.event_id, s.duplicate_of, n.sentences, n.anchors FROM assignments s
       JOIN articles a ON a.seq = s.article_seq JOIN analyses n ON n.article_seq = s.article_seq WHERE s.story_id = ? ORDER BY a.seq`,
    ).all(storyId) as Row[];
    const copies = this.storySyndication(storyId);
    const times = storyTimes(this.sql, storyId);
    return rows.map((r) => ({
      ...toArticle(r),
      event: r.event_id as string,
      duplicateOf: (r.duplicate_of as string) ?? null,
      syndicatedWith: copies.get(r.id as string) ?? [],
      sentences: json<Span[]>(r.sentences, []),
      anchors: new Map(json<[string, number][]>(r.anchors, [])),
      times: times.get(r.id as string) ?? { expressions: [], publishedInferred: null },
    }));
  }

  /** Syndication partners of every member of a story, in one query (sorted, as syndicatedWith gives them). */
  private storySyndication(storyId: string): Map<string, string[]> {
    const pairs = this.sql(
      `SELECT y.a, y.b FROM assignments s JOIN articles a ON a.seq = s.article_seq JOIN syndication y ON y.a = a.id WHERE s.story_id = ?
       UNION SELECT y.a, y.b FROM assignments s JOIN articles a ON a.seq = s.article_seq JOIN syndication y ON y.b = a.id WHERE s.story_id = ?`,
    ).all(storyId, storyId) as Row[];
    const out = new Map<string, string[]>();
    const link = (x: string, y: string): void => void (out.get(x) ?? out.set(x, []).get(x)!).push(y);
    for (const p of pairs) {
      link(p.a as string, p.b as string);
      link(p.b as string, p.a as string);
    }
    for (const list of out.values()) list.sort();
    return out;
  }

  async times(articleId: string): Promise<TimeAnalysis> {
    return readTimes(this.sql, articleId);
  }

  async saveStoryViews(stories: Story[]): Promise<void> {
    const update = this.sql('UPDATE stories SET view = ?, view_stale = 0 WHERE id = ?');
    this.db.transaction(() => {
      for (const story of stories) update.run(JSON.stringify(story), story.id);
    })();
  }

  async *articles(): AsyncIterable<StoredArticle> {
    for (const r of this.sql('SELECT * FROM articles ORDER BY seq').iterate() as Iterable<Row>) yield toArticle(r);
  }

  async article(idOrOrigin: string): Promise<StoredArticle | null> {
    const r = this.db
      .prepare("SELECT * FROM articles WHERE id = ? OR origin = ? OR record_id = ? OR id LIKE ? || '%' ORDER BY seq LIMIT 2")
      .all(idOrOrigin, idOrOrigin, idOrOrigin, idOrOrigin) as Row[];
    const exact = r.find((x) => x.id === idOrOrigin || x.origin === idOrOrigin || x.record_id === idOrOrigin);
    return exact ? toArticle(exact) : r.length === 1 ? toArticle(r[0]!) : null;
  }

  async blocks(articleId: string): Promise<Block[]> {
    return readBlocks(this.sql, articleId);
  }

  async *assignments(): AsyncIterable<StoredAssignment> {
    const rows = this.db
      .prepare('SELECT a.id, a.origin, a.url, a.lang, a.published, s.event_id, s.story_id, s.duplicate_of FROM articles a JOIN assignments s ON s.article_seq = a.seq ORDER BY a.seq')
      .iterate() as Iterable<Row>;
    for (const r of rows) {
      yield {
        articleId: r.id as string, origin: r.origin as string, url: (r.url as string) ?? null, lang: r.lang as string,
        published: (r.published as string) ?? null, event: r.event_id as string, story: r.story_id as string,
        duplicateOf: (r.duplicate_of as string) ?? null, syndicatedWith: this.syndicatedWith(r.id as string),
      };
    }
  }

  async *stories(): AsyncIterable<Story> {
    for (const v of this.sql('SELECT view FROM stories WHERE view IS NOT NULL ORDER BY size DESC, seq').pluck().iterate() as Iterable<string>) {
      yield JSON.parse(v) as Story;
    }
  }

  async story(id: string): Promise<Story | null> {
    const rows = this.sql("SELECT view FROM stories WHERE (id = ? OR id LIKE ? || '%') AND view IS NOT NULL LIMIT 2").pluck().all(id, id) as string[];
    return rows.length === 1 ? (JSON.parse(rows[0]!) as Story) : null;
  }

  async search(query: string, limit: number): Promise<SearchHit[]> {
    const q = ftsQuery(query);
    if (!q) return [];
    const rows = this.db
      .prepare(
        `SELECT a.id, a.origin, a.title, a.lang, a.published, s.story_id,
           snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet
         FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid LEFT JOIN assignments s ON s.article_seq = a.seq
         WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT ?`,
      )
      .all(q, limit) as Row[];
    return rows.map((r) => ({
      id: r.id as string, origin: r.origin as string, title: r.title as string, lang: r.lang as string,
      published: (r.published as string) ?? null, story: (r.story_id as string) ?? null, snippet: r.snippet as string,
    }));
  }

  async rejects(): Promise<StoredReject[]> {
    const rows = this.sql('SELECT * FROM rejects ORDER BY origin, reason').all() as Row[];
    return rows.map((r) => ({
      origin: r.origin as string, reason: r.reason as string, detail: (r.detail as string) ?? undefined,
      firstRun: r.first_run_id as string, lastRun: r.last_run_id as string, seen: r.seen as number,
    }));
  }

  async stats(): Promise<StoreStats> {
    const one = (sql: string): number => this.sql(sql).pluck().get() as number;
    const languages: Record<string, number> = {};
    for (const r of this.sql('SELECT lang, COUNT(*) AS n FROM articles GROUP BY lang ORDER BY n DESC, lang').all() as Row[]) languages[r.lang as string] = r.n as number;
    return {
      articles: one('SELECT COUNT(*) FROM articles'),
      duplicates: one('SELECT COUNT(*) FROM assignments WHERE duplicate_of IS NOT NULL'),
      syndicated: one('SELECT COUNT(DISTINCT b) FROM syndication'),
      rejects: one('SELECT COUNT(*) FROM rejects'),
      events: one('SELECT COUNT(*) FROM events'),
      stories: one('SELECT COUNT(*) FROM stories'),
      languages,
    };
  }

  async findEntities(ids: string[], surface: string): Promise<string[]> {
    return findEntities(this.sql, ids, surface);
  }

  async entity(id: string): Promise<EntityView | null> {
    return entityView(this.sql, id);
  }

  async storyEntities(storyId: string): Promise<StoryEntity[]> {
    return storyEntities(this.sql, storyId);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

