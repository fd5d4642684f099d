// Worker-thread entry: runs the pure stages on the RawDocs it is sent and posts each result back with its number.
// Documents that arrived together are processed together, stage by stage (processBatch), as in-process.
import { parentPort } from 'node:worker_threads';
import type { RawDoc } from '../model.js';
import { processBatch } from './stages.js';

type Job = { seq: number; raw: RawDoc };

let queued: Job[] = [];

function runQueued(): void {
  const jobs = queued;
  queued = [];
  processBatch(jobs.map((j) => j.raw)).forEach((result, i) => parentPort!.postMessage({ seq: jobs[i]!.seq, result }));
}

parentPort!.on('message', (job: Job) => {
  // Messages already delivered are all handled before setImmediate's turn: they make one batch.
  if (!queued.length) setImmediate(runQueued);
  queued.push(job);
});
