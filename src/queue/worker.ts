// Worker-thread entry: runs the pure stages on the RawDocs it is sent and posts each result back with its number.
import { parentPort } from 'node:worker_threads';
import type { RawDoc } from '../model.js';
import { processRaw } from './stages.js';

parentPort!.on('message', (msg: { seq: number; raw: RawDoc }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, result: processRaw(msg.raw) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, result: { reject: { origin: msg.raw.origin, reason: 'processing failed', detail: String((err as Error).message) } } });
  }
});
