// The founding scenario: the five seed articles of ../shared/seeds (skipped with a reason when absent).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SEED_DROPPED, SEED_FILES, SEED_REPEATED_HEADLINES, SEED_THREAD_START, seedLines } from '../bench/seeds-expected.js';
import { SEEDS, jsonLines, runCli, skipUnlessExists, tempDir } from './helpers.js';

interface ExportedArticle {
  id: string;
  title: string;
  text: string;
  lang: string;
  published: string | null;
  blocks: { text: string; kept: boolean; reason: string }[];
}

const skip = skipUnlessExists(SEEDS, 'the seed articles (../shared/seeds)');

test('seeds: five articles, languages, date, boilerplate dropped, every article line kept, one story', { skip }, () => {
  const dir = tempDir();
  const db = join(dir, 'seeds.db');
  const res = runCli(['ingest', '--db', db, '--json', ...SEED_FILES.map((f) => join(SEEDS, f))]);
  assert.equal(res.status, 0, res.stderr);
  const articles = jsonLines<ExportedArticle>(runCli(['export', 'articles', '--db', db]).stdout);
  assert.equal(articles.length, 5);
  const byFile = (prefix: string): ExportedArticle => articles.find((a) => a.id.includes(`/${prefix}_`))!;

  assert.deepEqual(['000', '001', '002', '003', '004'].map((p) => byFile(p).lang), ['en', 'en', 'en', 'en', 'it']);
  assert.equal(byFile('000').published, '2018-05-04');

  for (const a of articles) {
    const kept = `${a.title}\n${a.text}`;
    for (const piece of SEED_DROPPED) assert.ok(!kept.includes(piece), `"${piece}" must be dropped from ${a.id}`);
  }
  for (const headline of SEED_REPEATED_HEADLINES) {
    const a = articles.find((x) => x.title === headline);
    assert.ok(a, `"${headline}" is a title`);
    assert.ok(!a.text.includes(headline), 'the repeated headline is not in the body');
    assert.ok(a.blocks.some((b) => !b.kept && b.reason === 'repeated headline'));
  }

  // Every line of the seed files that is not boilerplate is kept, in the title or the text.
  for (const file of SEED_FILES) {
    const a = byFile(file.slice(0, 3));
    const kept = `${a.title}\n${a.text}`.replace(/\s+/g, ' ');
    const lines = seedLines(readFileSync(join(SEEDS, file), 'utf8'));
    const threadStart = lines.findIndex((l) => l === SEED_THREAD_START);
    const articleLines = lines.filter((l, i) => !SEED_DROPPED.some((d) => l.includes(d)) && !(threadStart >= 0 && i >= threadStart));
    for (const line of articleLines) assert.ok(kept.includes(line), `${file}: article line lost: "${line.slice(0, 80)}"`);
  }

  const assignments = jsonLines<{ story: string; event: string }>(runCli(['export', 'assignments', '--db', db]).stdout);
  assert.equal(new Set(assignments.map((x) => x.story)).size, 1, `one story: ${JSON.stringify(assignments)}`);
});
