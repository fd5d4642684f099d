// Bad input gets a clear reason and never stops the good input: each kind of junk has its case here.
import assert from 'node:assert/strict';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { jsonLines, runCli, tempDir } from './helpers.js';

const GOOD_TEXT = ' date 2021-05-04\nA good headline about the harbour\n\nThe harbour authority said on Tuesday that the new quay would open in June after two years of work. Officials expect traffic to grow by a third.\n';

function ingestJson(dir: string, paths: string[]): { code: number | null; summary: Record<string, number>; rejects: { origin: string; reason: string }[]; stderr: string } {
  const db = join(dir, 'test.db');
  const res = runCli(['ingest', '--db', db, '--json', ...paths]);
  const rejects = jsonLines<{ origin: string; reason: string }>(runCli(['rejects', '--db', db, '--json']).stdout);
  return { code: res.status, summary: JSON.parse(res.stdout || '{}'), rejects, stderr: res.stderr };
}

function reasonFor(rejects: { origin: string; reason: string }[], suffix: string): string | undefined {
  return rejects.find((r) => r.origin.endsWith(suffix))?.reason;
}

test('empty file, binary file and a path that does not exist become rejects with reasons; exit code 2', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'good.txt'), GOOD_TEXT);
  const r = ingestJson(dir, [join(dir, 'empty.txt'), join(dir, 'image.txt'), join(dir, 'missing.txt'), join(dir, 'good.txt')]);
  assert.equal(r.code, 2);
  assert.equal(r.summary.ingested, 1);
  assert.equal(r.summary.rejected, 3);
  assert.equal(reasonFor(r.rejects, 'empty.txt'), 'empty file');
  assert.match(reasonFor(r.rejects, 'image.txt') ?? '', /^binary file/);
  assert.equal(reasonFor(r.rejects, 'missing.txt'), 'no such file or directory');
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace for user input');
});

test('invalid UTF-8: Latin-1 text is decoded with a warning, undecodable bytes are rejected', () => {
  const dir = tempDir();
  const latin1 = Buffer.from(' date 2020-01-02\nCaf\xe9 cr\xe8me: la r\xe9gion pr\xe9pare une f\xeate\n\nLe conseil r\xe9gional a vot\xe9 mardi un budget de 40 millions pour la r\xe9novation des gares, a annonc\xe9 la pr\xe9sidente. Les travaux dureront deux ans.\n', 'latin1');
  writeFileSync(join(dir, 'latin1.txt'), latin1);
  const junk = Buffer.alloc(600);
  for (let i = 0; i < junk.length; i++) junk[i] = i % 3 === 0 ? 0xc3 : i % 3 === 1 ? 0x28 : 0xff;
  writeFileSync(join(dir, 'broken.txt'), junk);
  const r = ingestJson(dir, [dir]);
  assert.equal(r.summary.ingested, 1);
  assert.equal(reasonFor(r.rejects, 'broken.txt'), 'invalid UTF-8 and no known encoding fits');
  const articles = jsonLines<{ text: string; warnings: string[] }>(runCli(['export', 'articles', '--db', join(dir, 'test.db')]).stdout);
  assert.match(articles[0]!.text, /Le conseil régional a voté mardi/);
  assert.match(articles[0]!.warnings.join(' '), /not valid UTF-8; decoded as/);
});

test('an HTML page in windows-1252 declared by <meta charset> is decoded right', () => {
  const dir = tempDir();
  const page = '<html><head><meta charset="windows-1252"><title>Städte planen neue Brücken</title></head><body><article><h1>Städte planen neue Brücken</h1>' +
    '<p>Die Stadtverwaltung von München hat am Montag den Bau von drei neuen Brücken über die Isar beschlossen, wie der Oberbürgermeister mitteilte.</p>' +
    '<p>Die Kosten werden auf 120 Millionen Euro geschätzt; die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern. Anwohner begrüßten die Pläne.</p>' +
    '<p>Kritiker bemängeln dagegen, dass der Radverkehr zu wenig berücksichtigt werde, und fordern breitere Wege für Fußgänger und Radfahrer.</p></article></body></html>';
  writeFileSync(join(dir, 'cp1252.html'), Buffer.from(page, 'latin1'));
  const r = ingestJson(dir, [join(dir, 'cp1252.html')]);
  assert.equal(r.summary.ingested, 1, JSON.stringify(r.rejects));
  const [a] = jsonLines<{ title: string; text: string; lang: string }>(runCli(['export', 'articles', '--db', join(dir, 'test.db')]).stdout);
  assert.equal(a!.title, 'Städte planen neue Brücken');
  assert.match(a!.text, /Oberbürgermeister mitteilte/);
  assert.equal(a!.lang, 'de');
});

test('a broken JSON line among good ones: the good ones are ingested, the broken one rejected with its line', () => {
  const dir = tempDir();
  const good = (i: number): string => JSON.stringify({ id: `rec-${i}`, date: '2022-03-0' + i, text: `Record ${i}: the city council approved a new tram line on Monday after a long debate about costs, routes and the timetable for construction number ${i}.` });
  writeFileSync(join(dir, 'feed.jsonl'), [good(1), '{"id": "rec-x", "text": "unterminated', good(2), '', '{"id": "rec-3", "title": "No body"}', good(3)].join('\n'));
  const r = ingestJson(dir, [join(dir, 'feed.jsonl')]);
  assert.equal(r.code, 2);
  assert.equal(r.summary.ingested, 3);
  assert.equal(reasonFor(r.rejects, 'feed.jsonl#2'), 'invalid JSON line');
  assert.equal(r.rejects.find((x) => x.origin === 'rec-3')?.reason, 'record has neither text nor html');
});

test('a folder of mixed junk: every file is an article or a reject, nothing is silently lost', () => {
  const dir = tempDir();
  const junk = join(dir, 'junk');
  mkdirSync(join(junk, 'nested'), { recursive: true });
  writeFileSync(join(junk, 'good.txt'), GOOD_TEXT);
  writeFileSync(join(junk, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  writeFileSync(join(junk, 'notes.csv'), 'a,b,c\n1,2,3\n');
  writeFileSync(join(junk, 'nested', 'array.json'), JSON.stringify([{ id: 'j1', text: GOOD_TEXT.replace('harbour', 'airport') }, 42]));
  writeFileSync(join(junk, 'nested', 'fake.gz'), 'not really gzip');
  writeFileSync(join(junk, 'nested', 'page.html.gz'), gzipSync('<html><body><script>var x = 1;</script></body></html>'));
  writeFileSync(join(junk, '.hidden.txt'), GOOD_TEXT);
  const r = ingestJson(dir, [junk]);
  assert.equal(r.code, 2);
  assert.equal(r.summary.ingested, 2);
  assert.equal(r.summary.read, r.summary.ingested + r.summary.rejected + (r.summary.unchanged ?? 0));
  assert.match(reasonFor(r.rejects, 'photo.jpg') ?? '', /binary file \(JPEG image\)/);
  assert.equal(reasonFor(r.rejects, 'notes.csv'), 'unsupported file type');
  assert.equal(reasonFor(r.rejects, 'array.json#2'), 'record is not a JSON object');
  assert.equal(reasonFor(r.rejects, 'fake.gz'), 'not gzip data despite the .gz name');
  assert.match(reasonFor(r.rejects, 'page.html.gz') ?? '', /no (article )?text/);
});

test('a huge file is refused without being read, and hostile HTML finishes in bounds', () => {
  const dir = tempDir();
  const huge = join(dir, 'huge.txt');
  writeFileSync(huge, '');
  truncateSync(huge, 65 * 1024 * 1024);
  const deep = '<html><body>' + '<div>'.repeat(100_000) + '<p>Deeply nested text survives the parser without any recursion at all, which is the point of this test case here.</p>' + '</div>'.repeat(100_000) + '</body></html>';
  writeFileSync(join(dir, 'deep.html'), deep);
  writeFileSync(join(dir, 'deep-but-fine.html'), '<html><body>' + '<div>'.repeat(3000) + '<p>Three thousand levels of nesting are odd but not hostile; the text below them is read by the streaming pass alone.</p><p>A second paragraph keeps the article long enough to be kept as an article by the block rules.</p>' + '</div>'.repeat(3000) + '</body></html>');
  writeFileSync(join(dir, 'script-only.html'), '<html><head><script>' + 'alert(1);'.repeat(10000) + '</script></head></html>');
  writeFileSync(join(dir, 'nobody.html'), '<p>No html, head or body tags here, just a paragraph of text that a careless exporter wrote to a file and called it a web page.</p><p>Second paragraph with more words so that the page holds an article worth keeping for readers.</p>');
  const t0 = Date.now();
  const r = ingestJson(dir, [dir]);
  assert.ok(Date.now() - t0 < 60_000, 'bounded time');
  assert.match(reasonFor(r.rejects, 'huge.txt') ?? '', /^file too large/);
  assert.match(reasonFor(r.rejects, 'script-only.html') ?? '', /no (article )?text/);
  assert.match(reasonFor(r.rejects, 'deep.html') ?? '', /^hostile HTML: elements nested 100\d{3} levels deep/);
  assert.equal(r.summary.ingested, 2, JSON.stringify(r.rejects));
  assert.ok(!r.rejects.some((x) => x.origin.includes('test.db')), 'the database itself is never read as input');
});

test('a record with neither text nor html from stdin, and stdin text', () => {
  const dir = tempDir();
  const db = join(dir, 'stdin.db');
  const bad = runCli(['ingest', '--db', db, '-'], { input: '{"id": "x", "title": "only a title"}\n' });
  assert.equal(bad.status, 2);
  assert.match(bad.stdout, /rejected 1/);
  const good = runCli(['ingest', '--db', db, '-'], { input: GOOD_TEXT });
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /ingested 1 article/);
});
