// A database made with the schema before migration 007 (rows of an article keyed by its hex id, blocks as text) is
// converted in place when opened, and reads back exactly as a database made with the current schema.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import Database from 'better-sqlite3';
import { DEMO_CORPUS, ROOT, jsonLines, runCli, tempDir } from './helpers.js';

const MIGRATIONS = join(ROOT, 'src', 'store', 'sqlite', 'migrations');
const BEFORE = 6;

type Row = Record<string, unknown>;

/** A fresh database at schema version BEFORE, built from the migrations up to it. */
function schemaBefore(path: string): Database.Database {
  const db = new Database(path);
  for (const file of readdirSync(MIGRATIONS).filter((f) => /^\d+_.*\.sql$/.test(f)).sort()) {
    if (Number(file.split('_')[0]) <= BEFORE) db.exec(readFileSync(join(MIGRATIONS, file), 'utf8'));
  }
  db.pragma(`user_version = ${BEFORE}`);
  return db;
}

const columns = (db: Database.Database, table: string): string[] => (db.pragma(`table_info(${table})`) as Row[]).map((c) => c.name as string);

/** Rows of the current database written back in the old layout: article rows keyed by hex id, blocks with their text. */
function writeOldLayout(old: Database.Database, current: string): void {
  old.exec(`ATTACH '${current}' AS cur`);
  const same = ['ingest_runs', 'articles', 'stories', 'events', 'syndication', 'features', 'doc_freq_by_id', 'link_meta', 'idf_snapshot', 'rejects', 'entities', 'entity_aliases'];
  for (const table of same) {
    const cols = columns(old, table).join(', ');
    old.exec(`INSERT INTO main.${table} (${cols}) SELECT ${cols} FROM cur.${table}`);
  }
  for (const table of ['analyses', 'assignments', 'times', 'published_inferred', 'entity_mentions', 'entity_roles']) {
    const cols = columns(old, table).filter((c) => c !== 'article_id');
    const order = table === 'times' ? 'x.idx' : 'x.rowid';
    old.exec(
      `INSERT INTO main.${table} (article_id, ${cols.join(', ')}) SELECT a.id, ${cols.map((c) => `x.${c}`).join(', ')}
       FROM cur.${table} x JOIN cur.articles a ON a.seq = x.article_seq ORDER BY a.seq, ${order}`,
    );
  }
  const insertBlock = old.prepare('INSERT INTO main.blocks (article_id, idx, text, kept, kind, reason, lang) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const blocks = old.prepare('SELECT a.id, a.text AS article_text, b.* FROM cur.blocks b JOIN cur.articles a ON a.seq = b.article_seq ORDER BY a.seq, b.idx').all() as Row[];
  for (const b of blocks) {
    const text = (b.text as string | null) ?? (b.article_text as string).slice(b.start as number, b.end as number);
    insertBlock.run(b.id, b.idx, text, b.kept, b.kind, b.reason, b.lang);
  }
  old.exec('DETACH cur');
}

/** Everything a reader of the store sees: the three exports, every article with its blocks, entities and a search. */
function readAll(db: string): string {
  const exports = ['assignments', 'stories', 'articles'].map((what) => runCli(['export', what, '--db', db]).stdout);
  const ids = jsonLines<{ id: string }>(runCli(['export', 'assignments', '--db', db]).stdout).map((a) => a.id);
  const articles = ids.slice(0, 4).map((id) => runCli(['article', id, '--blocks', '--json', '--db', db]).stdout);
  const entities = ['Southgate', 'España', 'Ferrari'].map((name) => runCli(['entity', name, '--json', '--db', db]).stdout);
  const search = runCli(['search', 'Ferrari', '--json', '--db', db]).stdout;
  return [...exports, ...articles, ...entities, search].join('\n');
}

const dir = tempDir();
const current = join(dir, 'current.db');
before(() => assert.equal(runCli(['ingest', '--db', current, '--quiet', DEMO_CORPUS]).status, 0));

test('migration 007 converts an older database in place and it reads back the same', () => {
  const spans = new Database(current, { readonly: true }).prepare('SELECT COUNT(*) FROM blocks WHERE text IS NULL').pluck().get() as number;
  assert.ok(spans > 0, 'kept blocks are stored as spans of the article text');

  const oldPath = join(dir, 'old.db');
  const old = schemaBefore(oldPath);
  writeOldLayout(old, current);
  assert.ok(columns(old, 'blocks').includes('article_id'));
  old.close();

  const expected = readAll(current);
  const converted = readAll(oldPath);
  assert.equal(converted, expected);
  const db = new Database(oldPath, { readonly: true });
  assert.equal(db.pragma('user_version', { simple: true }), Number(readdirSync(MIGRATIONS).sort().at(-1)!.split('_')[0]));
  assert.ok(columns(db, 'blocks').includes('article_seq'));
  db.close();
});

test('a converted database takes new articles and stays idempotent', () => {
  const oldPath = join(dir, 'old-then-new.db');
  const old = schemaBefore(oldPath);
  writeOldLayout(old, current);
  old.close();
  const again = JSON.parse(runCli(['ingest', '--db', oldPath, '--json', DEMO_CORPUS]).stdout) as { ingested: number };
  assert.equal(again.ingested, 0);
  const extra = join(dir, 'extra.jsonl');
  const text = 'The port authority of Rotterdam said on Friday that container traffic rose by four per cent in the first quarter, helped by new links to Asia.';
  writeFileSync(extra, JSON.stringify({ id: 'rotterdam-q1', date: '2024-04-05', text }) + '\n');
  assert.equal(runCli(['ingest', '--db', oldPath, '--quiet', extra]).status, 0);
  const added = runCli(['article', 'rotterdam-q1', '--blocks', '--json', '--db', oldPath]);
  assert.equal(added.status, 0, added.stderr);
  const blocks = (JSON.parse(added.stdout) as { blocks: { text: string; kept: boolean }[] }).blocks;
  assert.ok(blocks.some((b) => b.kept && b.text === text));
});
