// HTML main content: furniture (navigation, sharing, related links, comments, footer) goes, the article's headings,
// paragraphs and list items stay; hostile pages finish in bounds; a slice of the public benchmark keeps its score.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTICLE_EXTRACTION_DIR, ourArticleText, readArticlePages } from '../bench/extract.js';
import { meanScores, scorePage } from '../bench/shingles.js';
import { extract, isReject } from '../src/extract/index.js';
import type { Document, RawDoc } from '../src/model.js';
import { FIXTURES, skipUnlessExists } from './helpers.js';

function htmlDoc(html: string, origin = 'page.html'): RawDoc {
  return { origin, html, format: 'html', meta: {}, warnings: [] };
}

function extracted(html: string): Document {
  const doc = extract(htmlDoc(html));
  assert.ok(!isReject(doc), `rejected: ${isReject(doc) ? doc.reason : ''}`);
  return doc;
}

const fixture = (name: string): string => readFileSync(join(FIXTURES, 'html', name), 'utf8');

test('a news page: headings, paragraphs and list items of the article are kept; furniture is dropped with reasons', () => {
  const doc = extracted(fixture('news-article.html'));
  assert.equal(doc.title, 'Harbour town opens its new ferry terminal');
  for (const kept of ['The new ferry terminal in Port Ellery opened', 'A long wait for islanders', 'Twelve daily sailings in summer', 'Charging points for forty electric cars', 'thanked the workers', 'Fares will stay at last year']) {
    assert.match(doc.text, new RegExp(kept), `kept: ${kept}`);
  }
  for (const dropped of ['Sport', 'Share on Facebook', 'Related stories', 'Fishing fleet reports', 'grandmother', 'waste of taxpayers', 'Most read', 'Storm warning', 'All rights reserved', 'Privacy', 'Home', 'By Marta Lindqvist']) {
    assert.doesNotMatch(doc.text, new RegExp(`\\b${dropped}\\b`), `dropped: ${dropped}`);
  }
  const heading = doc.blocks.find((b) => b.text === 'A long wait for islanders');
  assert.equal(heading?.kind, 'heading', 'an <h2> of the article is labelled a heading');
  assert.equal(doc.blocks.find((b) => b.text.startsWith('The new ferry terminal'))?.kind, 'body');
  const comment = doc.blocks.find((b) => b.text.includes('grandmother'));
  assert.ok(comment && !comment.kept && comment.reason !== '', 'a dropped block keeps its reason');
  assert.equal(doc.author, 'By Marta Lindqvist, 12 March 2024');
});

test('a page without class names: running text is kept, menus and link lists are not', () => {
  const doc = extracted(fixture('no-classes.html'));
  assert.match(doc.text, /zwölf Kilometern neuer Radwege/);
  assert.match(doc.text, /Ersatzflächen in einem Parkhaus/);
  assert.doesNotMatch(doc.text, /Politik|Hallenbad|Busfahrplan/);
});

test('a wrapper whose class names the page layout ("layout-right-sidebar") is not a sidebar', () => {
  const para = (n: number): string => `<p>Paragraph ${n} of the story: the harbour board met on Tuesday and agreed the new timetable for the island ferries.</p>`;
  const footer = [1, 2, 3].map((n) => `<p>About us ${n}: the newspaper was founded long ago and has reported on the region's towns and villages ever since.</p>`).join('');
  const doc = extracted(`<html><body><div class="container layout-2-col layout-right-sidebar"><div class="main">${para(1)}${para(2)}</div></div><footer>${footer}</footer></body></html>`);
  assert.match(doc.text, /Paragraph 1 of the story/);
  assert.match(doc.text, /Paragraph 2 of the story/);
});

test('a page with no <html>, <head> or <body> still gives its text', () => {
  const doc = extracted('<p>The regional council approved the new rail timetable on Friday, adding late trains on weekdays and weekends.</p><p>Commuters had asked for later connections for years, the transport authority said in a statement.</p>');
  assert.match(doc.text, /late trains on weekdays/);
  assert.match(doc.text, /later connections/);
});

test('a page with only scripts and styles is a reject with a reason', () => {
  const doc = extract(htmlDoc('<html><head><style>p{color:red}</style></head><body><script>document.write("x")</script></body></html>'));
  assert.ok(isReject(doc));
  assert.match(doc.reason, /no (article )?text/);
});

test('a 50 MB page is extracted in bounded time', () => {
  const story = '<div class="story"><h3><a href="/s">Another headline from the archive of this site</a></h3><p>A paragraph of running text that repeats, the way a very long archive page repeats its teasers, page after page.</p></div>\n';
  const html = `<html><body><main>${story.repeat(Math.ceil((50 * 1024 * 1024) / story.length))}</main></body></html>`;
  const t0 = performance.now();
  const doc = extract(htmlDoc(html, 'huge.html'));
  const seconds = (performance.now() - t0) / 1000;
  assert.ok(seconds < 60, `took ${seconds.toFixed(1)} s`);
  assert.ok(isReject(doc) || doc.text.length > 0);
});

// Floor measured on the first ten pages (by id) of the public benchmark; the whole set is `storyline bench extract`.
const BENCH_SLICE = 10;
const BENCH_SLICE_F1_FLOOR = 0.95;

test('the first pages of the article-extraction benchmark keep their F1', (t) => {
  const skip = skipUnlessExists(join(ARTICLE_EXTRACTION_DIR, 'ground-truth.json'), 'article-extraction benchmark');
  if (skip || !existsSync(ARTICLE_EXTRACTION_DIR)) return t.skip(skip);
  const pages = readArticlePages(ARTICLE_EXTRACTION_DIR, BENCH_SLICE);
  const scores = meanScores(pages.map((p) => scorePage(p.truth, ourArticleText(p))));
  console.log(`# first ${pages.length} pages: F1 ${scores.f1.toFixed(3)} (P ${scores.precision.toFixed(3)}, R ${scores.recall.toFixed(3)})`);
  assert.ok(scores.f1 >= BENCH_SLICE_F1_FLOOR, `F1 ${scores.f1.toFixed(3)} below ${BENCH_SLICE_F1_FLOOR}`);
});
