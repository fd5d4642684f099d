// Nothing lost, nothing doubled: re-ingesting adds nothing, and a run killed half-way then rerun ends where an
// uninterrupted run ends.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { writeSyntheticCorpus } from '../bench/corpus.js';
import { CLI, DEMO_CORPUS, runCli, tempDir } from './helpers.js';

function exportAll(db: string): string {
  return ['assignments', 'stories', 'articles'].map((what) => runCli(['export', what, '--db', db]).stdout).join('\n');
}

test('re-ingesting the same inputs adds nothing', () => {
  const dir = tempDir();
  const db = join(dir, 'x.db');
  const first = runCli(['ingest', '--db', db, '--json', DEMO_CORPUS]);
  const again = runCli(['ingest', '--db', db, '--json', DEMO_CORPUS]);
  const a = JSON.parse(first.stdout);
  const b = JSON.parse(again.stdout);
  assert.ok(a.ingested >= 60);
  assert.equal(b.ingested, 0);
  assert.equal(b.unchanged, a.ingested);
  const rows = new Database(db, { readonly: true }).prepare('SELECT COUNT(*) FROM articles').pluck().get();
  assert.equal(rows, a.ingested);
});

test('the same text under two record ids is one article and its duplicate', () => {
  const dir = tempDir();
  const text = 'The port authority of Rotterdam said on Friday that container traffic rose by four per cent in the first quarter, helped by new links to Asia.';
  writeFileSync(join(dir, 'a.jsonl'), [JSON.stringify({ id: 'one', text }), JSON.stringify({ id: 'two', text })].join('\n'));
  const db = join(dir, 'd.db');
  assert.match(runCli(["ingest", "--db", db, join(dir, "a.jsonl")]).stdout, /1 duplicate\b/);
  const lines = runCli(['export', 'assignments', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[1].duplicate_of, 'one');
  assert.equal(lines[1].story, lines[0].story);
});

test('SIGKILL half-way, then rerun: the same database as an uninterrupted run', async () => {
  const dir = tempDir();
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  writeSyntheticCorpus(corpus, 1500, DEMO_CORPUS);
  const reference = join(dir, 'reference.db');
  assert.equal(runCli(['ingest', '--db', reference, '--quiet', '--batch-size', '50', corpus]).status, 0);

  const killed = join(dir, 'killed.db');
  const child = spawn(process.execPath, [CLI, 'ingest', '--db', killed, '--quiet', '--batch-size', '50', corpus], { stdio: 'ignore' });
  // Kill once a few batches are committed, well before the end.
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      try {
        const n = new Database(killed, { readonly: true, fileMustExist: true }).prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
        if (n >= 300) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      } catch {
        // The database may not exist yet, or be mid-migration.
      }
    }, 20);
    child.on('exit', () => {
      clearInterval(timer);
      reject(new Error('ingest finished before it could be killed'));
    });
  });
  await new Promise((r) => child.on('exit', r));
  const partial = new Database(killed, { readonly: true }).prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
  assert.ok(partial > 0 && partial < 1500, `killed mid-run (${partial} stored)`);
  const rerun = runCli(['ingest', '--db', killed, '--quiet', '--batch-size', '50', '--json', corpus]);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.equal(JSON.parse(rerun.stdout).unchanged, partial);
  assert.equal(exportAll(killed), exportAll(reference));
});
