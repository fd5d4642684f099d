// Shared CLI plumbing: the store option, user errors (exit 1) versus failures (exit 3), output helpers.
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';

export const DEFAULT_DB = './storyline.db';

export const EXIT = { ok: 0, usage: 1, partial: 2, failure: 3 } as const;

/** A mistake the user can fix; printed without a stack trace. */
export class UsageError extends Error {}

export async function withStore<T>(db: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Left-aligned text table for terminal output. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}
