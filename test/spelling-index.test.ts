// The spelling-variant candidates come from an in-memory index of the entities table: it must see every row the
// table has, including rows of the current transaction and of another connection, and start afresh after a rollback.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.js';
import { SpellingIndex } from '../src/store/sqlite/entities.js';
import type { Sql } from '../src/store/sqlite/sql.js';

test('the spelling index reads rows of this transaction and of other writers, and forgets a rollback', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-spelling-'));
  try {
    const path = join(dir, 'db.sqlite');
    await openStore(path).close(); // migrated schema
    const db = new Database(path);
    const other = new Database(path);
    const sql: Sql = (text) => db.prepare(text);
    const add = (conn: Database.Database, id: string, key: string): void =>
      void conn.prepare('INSERT INTO entities (id, type, key, shape, len) VALUES (?, ?, ?, ?, ?)').run(id, 'ORG', key, `${key[0]}:${key.split(' ').length}`, key.length);
    const index = new SpellingIndex();
    const keys = (): string[] => index.candidates(sql, 'ORG', 'c:2', [12, 13]).map((c) => c.key).sort();
    assert.deepEqual(keys(), []);
    add(db, 'ORG:ck hutchison', 'ck hutchison');
    add(other, 'ORG:cv hutchinson', 'cv hutchinson');
    add(db, 'ORG:ck hutch', 'ck hutch'); // too short for the range asked
    assert.deepEqual(keys(), ['ck hutchison', 'cv hutchinson']);
    db.exec('BEGIN');
    add(db, 'ORG:ck hutchisson', 'ck hutchisson');
    assert.deepEqual(keys(), ['ck hutchison', 'ck hutchisson', 'cv hutchinson'], 'a row of the open transaction is a candidate');
    db.exec('ROLLBACK');
    index.clear();
    assert.deepEqual(keys(), ['ck hutchison', 'cv hutchinson'], 'after a rollback the index holds only stored rows');
    db.close();
    other.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
