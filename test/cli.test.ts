// The CLI contracts other tools rely on: export shapes, search, story, rejects, exit codes.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { SEMI_SPACE_MB } from '../src/queue/pool.js';
import { CLI, ROOT, jsonLines, runCli, tempDir } from './helpers.js';

const dir = tempDir();
const db = join(dir, 'cli.db');
const feed = join(dir, 'feed.jsonl');
const records = [
  { id: 'harbour-1', url: 'https://news.example/harbour-1', title: 'Harbour strike ends', date: '2023-06-01', source: 'Port Daily', text: 'Dock workers in Antwerp ended a three-day strike on Thursday after the port authority agreed to raise wages by five per cent, the union said.\n\nShips that had waited at anchor began to unload on Friday morning.' },
  { id: 'harbour-2', url: 'https://news.example/harbour-2', title: 'Sciopero finito al porto di Anversa', date: '2023-06-02', lang: 'it', section: 'economia', text: 'I portuali di Anversa hanno posto fine giovedì a uno sciopero di tre giorni dopo che l’autorità portuale ha accettato di aumentare i salari del cinque per cento, ha detto il sindacato.' },
];
writeFileSync(feed, records.map((r) => JSON.stringify(r)).join('\n'));
const ingest = runCli(['ingest', '--db', db, feed]);

test('ingest prints a summary line and exits 0', () => {
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.match(ingest.stdout, /^ingested 2 articles, rejected 0 of 2 inputs/);
});

test('export assignments: one line per article with the contract fields', () => {
  const lines = jsonLines(runCli(['export', 'assignments', '--db', db]).stdout);
  assert.equal(lines.length, 2);
  for (const l of lines) assert.deepEqual(Object.keys(l).sort(), ['duplicate_of', 'event', 'id', 'lang', 'published', 'story', 'syndicated_with', 'url'].sort());
  assert.equal(lines[0]!.id, 'harbour-1');
  assert.equal(lines[1]!.lang, 'it');
  assert.equal(lines[0]!.published, '2023-06-01');
});

test('export articles keeps unknown fields out of the way and blocks with reasons', () => {
  const [a] = jsonLines<{ id: string; title: string; text: string; source: string; blocks: { kept: boolean; reason: string }[] }>(runCli(['export', 'articles', '--db', db]).stdout);
  assert.equal(a!.id, 'harbour-1');
  assert.equal(a!.title, 'Harbour strike ends');
  assert.equal(a!.source, 'Port Daily');
  assert.match(a!.text, /Dock workers in Antwerp/);
  assert.ok(a!.blocks.every((b) => typeof b.kept === 'boolean' && b.reason));
});

test('export stories has the contract fields', () => {
  const stories = jsonLines(runCli(['export', 'stories', '--db', db]).stdout);
  assert.ok(stories.length >= 1);
  for (const field of ['id', 'title', 'events', 'articles', 'summary', 'timeline', 'entities', 'quotes', 'claims', 'sources']) assert.ok(field in stories[0]!, field);
});

test('every article of every batch is in the full-text index, and only once', () => {
  const small = join(dir, 'batches.db');
  const run = runCli(['ingest', '--db', small, '--batch-size', '3', '--quiet', join(ROOT, 'demo', 'corpus', 'harbour-ledger')]);
  assert.equal(run.status, 0, run.stderr);
  const store = new Database(small);
  assert.ok((store.prepare('SELECT count(*) FROM articles').pluck().get() as number) > 6, 'several batches');
  // FTS5's check of an external-content index against its table: it fails on a missing or a doubled row.
  assert.doesNotThrow(() => store.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"));
  store.close();
});

test('search finds articles through FTS5, accents folded', () => {
  const out = runCli(['search', '--db', db, '--json', 'anversa']).stdout;
  assert.equal(jsonLines<{ id: string }>(out)[0]!.id, 'harbour-2');
  assert.equal(runCli(['search', '--db', db, 'zzzz-nothing']).stdout.trim(), 'no matches');
});

test('story ID prints markdown with citations; an unknown id is a usage error (exit 1)', () => {
  const [s] = jsonLines<{ id: string }>(runCli(['export', 'stories', '--db', db]).stdout);
  const md = runCli(['story', s!.id, '--db', db]);
  assert.equal(md.status, 0);
  assert.match(md.stdout, /^# /);
  assert.match(md.stdout, /## Summary[\s\S]*\[1\]/);
  const html = runCli(['story', s!.id, '--db', db, '--format', 'html']);
  assert.match(html.stdout, /^<!doctype html>/);
  const missing = runCli(['story', 'st_nope', '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no story "st_nope"/);
});

test('usage errors exit 1 with a message, not a stack trace', () => {
  const r = runCli(['export', 'nonsense', '--db', db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /unknown export "nonsense"/);
  const bad = runCli(['frobnicate']);
  assert.equal(bad.status, 1);
  const notDb = join(dir, 'not-a-db.db');
  writeFileSync(notDb, 'hello, this is not sqlite at all, just some text in a file that is long enough');
  const r3 = runCli(['rejects', '--db', notDb]);
  assert.equal(r3.status, 3);
  assert.match(r3.stderr, /not a Storyline database|file is not a database/);
  assert.doesNotMatch(r3.stderr, /at .*\.js:\d+/);
});

test('the command, its npm scripts and the worker threads run with one young-generation size', () => {
  const flag = `--max-semi-space-size=${SEMI_SPACE_MB}`;
  assert.equal(readFileSync(CLI, 'utf8').split('\n')[0], `#!/usr/bin/env -S node ${flag}`);
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  for (const name of ['demo', 'storyline', 'bench']) assert.ok(scripts[name]!.includes(`node ${flag} dist/src/cli/main.js`), name);
});
