// Ordered parallel map over worker threads: results come back in input order, so linking stays deterministic.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RawDoc } from '../model.js';
import { processBatch, type Processed } from './stages.js';

/**
 * Semi-space of the young generation, in MB: at 128 (V8's default is 16) an article's short-lived objects die young
 * instead of being promoted, which cut ingest CPU by about 7 % (docs/benchmarks.md). The `storyline` command's
 * shebang and the npm scripts pass the same figure to the main thread.
 */
export const SEMI_SPACE_MB = 128;
/** V8's young generation holds two semi-spaces and a large-object space of the same size. */
const YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;

/** Default workers: one per core beyond the main thread (which reads, links and writes). */
export function defaultWorkers(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

export interface StagePool {
  /** Submit a document; its result is delivered by `next()` in submission order. */
  submit(raw: RawDoc): void;
  /** The result of the oldest submitted document. */
  next(): Promise<Processed>;
  pending(): number;
  close(): Promise<void>;
}

/**
 * In-process: no threads. Documents wait until a result is asked for, then all those submitted are processed
 * together, stage by stage (processBatch): the pipeline keeps a window of them in flight, so each stage runs over a
 * window's documents while its tables are in the caches, instead of alternating with linking and writing.
 */
function inlinePool(): StagePool {
  const waiting: RawDoc[] = [];
  const done: Processed[] = [];
  return {
    submit: (raw) => void waiting.push(raw),
    next: async () => {
      if (!done.length) done.push(...processBatch(waiting.splice(0)));
      return done.shift()!;
    },
    pending: () => waiting.length + done.length,
    close: async () => undefined,
  };
}

function threadPool(size: number): StagePool {
  const url = new URL('./worker.js', import.meta.url);
  const workers = Array.from({ length: size }, () => new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
  const done = new Map<number, Processed>();
  const waiting = new Map<number, (p: Processed) => void>();
  let submitted = 0;
  let delivered = 0;
  let failure: Error | null = null;
  for (const w of workers) {
    w.on('message', (msg: { seq: number; result: Processed }) => {
      const resolve = waiting.get(msg.seq);
      if (resolve) {
        waiting.delete(msg.seq);
        resolve(msg.result);
      } else done.set(msg.seq, msg.result);
    });
    w.on('error', (err) => (failure = err));
  }
  return {
    submit(raw) {
      workers[submitted % size]!.postMessage({ seq: submitted, raw });
      submitted++;
    },
    next() {
      if (failure) return Promise.reject(failure);
      const seq = delivered++;
      const ready = done.get(seq);
      if (ready) {
        done.delete(seq);
        return Promise.resolve(ready);
      }
      return new Promise((resolve) => waiting.set(seq, resolve));
    },
    pending: () => submitted - delivered,
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export function stagePool(workers: number): StagePool {
  return workers > 0 ? threadPool(workers) : inlinePool();
}
