// Plumbing shared by the benchmarks that read ../shared/bench-data: where it is, number format, the skip report.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchReport } from './report.js';

/** The shared folder beside the project (benchmarks run from dist/bench/). */
export const SHARED = resolve(fileURLToPath(new URL('../../../shared/', import.meta.url)));
export const BENCH_DATA = resolve(SHARED, 'bench-data');

export function fmt(x: number): string {
  return x.toFixed(3);
}

/** The report of a benchmark whose data is absent: a clear message, nothing measured, exit 0. */
export function skipReport(bench: string, reason: string): BenchReport {
  return { json: { bench, skipped: reason }, rows: [['benchmark', 'status'], [bench, 'skipped']], notes: [`skipped: ${reason}`] };
}
