// `storyline bench extract`: article-body extraction on the public article-extraction benchmark (181 pages),
// our extractor beside @mozilla/readability measured in the same run and the published figures of other tools.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extract, isReject } from '../src/extract/index.js';
import type { BenchOptions, BenchReport } from './report.js';
import { meanScores, scorePage, type MeanScores, type PageScore } from './shingles.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const ARTICLE_EXTRACTION_DIR = resolve(process.env.STORYLINE_BENCH_DATA ?? join(REPO, '..', 'shared', 'bench-data'), 'article-extraction');

/** Published F1 / precision / recall on this set (its README, latest evaluation; newspaper4k and news-please from the earlier run). */
const PUBLISHED: [string, number, number, number][] = [
  ['rs_trafilatura', 0.970, 0.951, 0.990],
  ['trafilatura 2.0.0', 0.958, 0.938, 0.978],
  ['newspaper4k 0.9.3.1', 0.949, 0.964, 0.934],
  ['news-please 1.6.16', 0.948, 0.964, 0.933],
  ['Readability.js 0.6.0', 0.947, 0.914, 0.982],
  ['readability-lxml 0.8.4.1', 0.922, 0.913, 0.931],
  ['goose3 3.1.20', 0.896, 0.940, 0.856],
  ['jusText 3.0.2', 0.804, 0.858, 0.756],
];

export interface BenchPage {
  id: string;
  url: string;
  truth: string;
  html: string;
}

export function readArticlePages(dir = ARTICLE_EXTRACTION_DIR, limit = Infinity): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return Object.entries(truth)
    .slice(0, limit)
    .map(([id, t]) => ({ id, url: t.url ?? '', truth: t.articleBody ?? '', html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8') }));
}

/** The body text the ingest keeps for a page: the real extract() path, kept blocks joined. */
export function ourArticleText(page: Pick<BenchPage, 'id' | 'url' | 'html'>): string {
  const doc = extract({ origin: page.id, url: page.url, html: page.html, format: 'html', meta: {}, warnings: [] });
  return isReject(doc) ? '' : doc.text;
}

function readabilityText(page: BenchPage): string {
  const { document } = parseHTML(page.html);
  return new Readability(document as never).parse()?.textContent ?? '';
}

export interface SystemRun extends MeanScores {
  pages: number;
  seconds: number;
  pagesPerS: number;
  perPage: { id: string; score: PageScore }[];
}

export function runSystem(pages: BenchPage[], textOf: (p: BenchPage) => string): SystemRun {
  const texts: string[] = [];
  textOf(pages[0]!); // warm-up: module loading and first compilation are not per-page costs
  // CPU time of this thread, not wall time: the machine is shared, and the figure is for one core.
  const t0 = process.cpuUsage();
  for (const p of pages) texts.push(textOf(p));
  const used = process.cpuUsage(t0);
  const seconds = (used.user + used.system) / 1e6;
  const perPage = pages.map((p, i) => ({ id: p.id, score: scorePage(p.truth, texts[i]!) }));
  return { ...meanScores(perPage.map((x) => x.score)), pages: pages.length, seconds, pagesPerS: pages.length / seconds, perPage };
}

const f3 = (x: number): string => x.toFixed(3);

export async function extractReport(o: BenchOptions): Promise<BenchReport> {
  if (!existsSync(join(ARTICLE_EXTRACTION_DIR, 'ground-truth.json'))) {
    const reason = `article-extraction data not found at ${ARTICLE_EXTRACTION_DIR}`;
    return { json: { bench: 'extract', skipped: reason }, rows: [], skipped: reason };
  }
  const pages = readArticlePages(ARTICLE_EXTRACTION_DIR, o.count ?? Infinity);
  const ours = runSystem(pages, ourArticleText);
  const baseline = runSystem(pages, readabilityText);
  const rows = [
    ['system', 'F1', 'precision', 'recall', 'pages/s (one core)', 'source'],
    ['storyline (ours)', f3(ours.f1), f3(ours.precision), f3(ours.recall), ours.pagesPerS.toFixed(0), 'measured now'],
    ['@mozilla/readability on linkedom', f3(baseline.f1), f3(baseline.precision), f3(baseline.recall), baseline.pagesPerS.toFixed(0), 'measured now'],
    ...PUBLISHED.map(([name, f1, p, r]) => [name, f3(f1), f3(p), f3(r), '', 'published']),
  ];
  const worst = [...ours.perPage].sort((a, b) => a.score.tp - b.score.tp).slice(0, 5);
  return {
    json: {
      bench: 'extract',
      pages: ours.pages,
      f1: ours.f1,
      precision: ours.precision,
      recall: ours.recall,
      pages_per_s: ours.pagesPerS,
      seconds: ours.seconds,
      baseline: '@mozilla/readability',
      baseline_f1: baseline.f1,
      baseline_precision: baseline.precision,
      baseline_recall: baseline.recall,
      baseline_pages_per_s: baseline.pagesPerS,
      published: Object.fromEntries(PUBLISHED.map(([name, f1]) => [name, f1])),
    },
    rows,
    notes: [
      `${pages.length} pages from ${ARTICLE_EXTRACTION_DIR} (scrapinghub/article-extraction-benchmark, MIT); metric: 4-token shingles, per-page P/R macro-averaged.`,
      `weakest pages (shingle overlap): ${worst.map((w) => `${w.id.slice(0, 8)} ${w.score.tp.toFixed(2)}`).join(', ')}`,
    ],
  };
}
