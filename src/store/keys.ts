// Content-derived keys: the same input always gets the same key, so every write is an idempotent upsert.
import { createHash } from 'node:crypto';
import type { Reject } from '../model.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** An article's key: its record identity (id, else URL, else path) with its content hash. */
export function articleKey(identity: string, contentHash: string): string {
  return sha256(`${identity}\u0000${contentHash}`);
}

export function rejectKey(r: Reject): string {
  return sha256(`${r.origin}\u0000${r.reason}`);
}
