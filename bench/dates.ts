// `storyline bench dates`: publication-date accuracy on the htmldate MediaCloud set, beside htmldate's published figures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extract, isReject } from '../src/extract/index.js';
import { pagePublicationDate } from '../src/extract/htmldates.js';
import { decodeBytes, declaredHtmlCharset } from '../src/ingest/decode.js';
import type { BenchOptions, BenchReport } from './report.js';
import { BENCH_DATA, fmt, skipReport } from './shared-data.js';

const DATA = join(BENCH_DATA, 'htmldate');

interface Item {
  url: string;
  file: string;
  date: string | null;
}

/** htmldate's published figures (docs/evaluation.rst, 2026-06-01), measured on 1000 pages of which these are 200. */
const REFERENCES: [string, number, number, number, number][] = [
  ['htmldate 1.10.0 (extensive)', 0.908, 0.993, 0.903, 0.949],
  ['htmldate 1.10.0 (fast)', 0.924, 0.927, 0.861, 0.925],
  ['newspaper4k 0.9.5', 0.912, 0.728, 0.68, 0.81],
  ['news-please 1.6.16', 0.845, 0.777, 0.68, 0.81],
  ['articleDateExtractor 0.20', 0.846, 0.745, 0.656, 0.792],
  ['goose3 3.1.21', 0.93, 0.568, 0.545, 0.706],
  ['date_guesser 2.1.4', 0.832, 0.611, 0.544, 0.705],
];

export interface DateScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** htmldate's rule: equal → TP, different → FP, no answer → FN; a page with no date can only be a TN by silence. */
export function scoreDate(score: DateScore, expected: string | null, found: string | null): void {
  if (expected === null) {
    if (found === null) score.tn++;
    else score.fp++;
  } else if (found === null) score.fn++;
  else if (found === expected) score.tp++;
  else score.fp++;
}

interface PageDate {
  date: string | null;
  source: string | null;
  /** Why ingest rejects the page (it then has no date), or null. */
  rejected: string | null;
  /** What the page's date finder says whether or not ingest keeps the page: the figure htmldate's is comparable to. */
  finderDate: string | null;
}

/** The publication date ingest gives this page (decoded as ingest decodes it, with its URL), or null. */
export function pageDate(bytes: Uint8Array, url: string): PageDate {
  const decoded = decodeBytes(bytes, declaredHtmlCharset(bytes));
  if (!decoded.ok) return { date: null, source: null, rejected: 'undecodable', finderDate: null };
  const doc = extract({ origin: url, url, html: decoded.text, format: 'html', meta: {}, warnings: [] });
  if (!isReject(doc)) return { date: doc.published, source: doc.publishedSource, rejected: null, finderDate: doc.published };
  return { date: null, source: null, rejected: doc.reason, finderDate: pagePublicationDate(decoded.text, url)?.date ?? null };
}

/** Precision, recall, accuracy and F-score of a tally, htmldate's way. */
function rates({ tp, fp, fn, tn }: DateScore, pages: number): { precision: number; recall: number; accuracy: number; f1: number } {
  return {
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    accuracy: pages ? (tp + tn) / pages : 0,
    f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}

export async function datesReport(o: BenchOptions): Promise<BenchReport> {
  const index = join(DATA, 'expected-dates.json');
  if (!existsSync(index)) return skipReport('dates', `htmldate set not found at ${DATA}`);
  const items = (JSON.parse(readFileSync(index, 'utf8')) as { items: Item[] }).items.slice(0, o.count);
  const score: DateScore = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const finder: DateScore = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const bySource = new Map<string, number>();
  const misses: string[] = [];
  const t0 = performance.now();
  for (const item of items) {
    const found = pageDate(gunzipSync(readFileSync(join(DATA, item.file))), item.url);
    scoreDate(score, item.date, found.date);
    scoreDate(finder, item.date, found.finderDate);
    if (found.source) bySource.set(found.source, (bySource.get(found.source) ?? 0) + 1);
    if (found.date !== item.date) misses.push(`${item.file}: expected ${item.date ?? 'none'}, got ${found.date ?? 'none'} (${found.rejected ? `rejected: ${found.rejected}` : (found.source ?? '-')})`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const { tp, fp, fn, tn } = score;
  const { precision, recall, accuracy, f1 } = rates(score, items.length);
  const every = rates(finder, items.length);
  const rows = [
    ['system', 'precision', 'recall', 'accuracy', 'F-score', 'pages'],
    ['storyline ingest (rejected pages undated)', fmt(precision), fmt(recall), fmt(accuracy), fmt(f1), String(items.length)],
    ['storyline date finder (every page)', fmt(every.precision), fmt(every.recall), fmt(every.accuracy), fmt(every.f1), String(items.length)],
    ...REFERENCES.map(([name, p, r, a, f]) => [name, fmt(p), fmt(r), fmt(a), fmt(f), '1000']),
  ];
  const sources = [...bySource].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(', ');
  return {
    json: { bench: 'dates', accuracy, precision, recall, f1, finder: every, pages: items.length, tp, fp, fn, tn, seconds: Number(seconds.toFixed(2)), sources: Object.fromEntries(bySource), misses },
    rows,
    notes: [
      `${items.length} pages of htmldate's MediaCloud 2020 set in ${seconds.toFixed(1)} s; date sources used: ${sources || 'none'}.`,
      'Reference figures are htmldate\'s own, on 1000 pages (these 200 plus 800 BBAW pages not included here).',
      'htmldate dates every page it is given; ingest rejects pages with no article text, so the date finder is also scored on every page.',
      ...misses.map((m) => `miss ${m}`),
    ],
  };
}
