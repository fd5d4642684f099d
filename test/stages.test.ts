// The pure stages over a batch: the same results as one by one, and a document that breaks a stage fails alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawDoc } from '../src/model.js';
import { processBatch } from '../src/queue/stages.js';

const raw = (origin: string, text: string): RawDoc => ({ origin, text, format: 'txt', meta: {}, warnings: [] });

const GOOD = [
  raw('a.txt', ' date 2024-03-05\nHarbour quay opens in June\n\nThe harbour authority of Genoa said on Tuesday that the new quay would open in June.\n'),
  raw('b.txt', ' date 2024-03-06\nIl porto apre il nuovo molo\n\nL\'autorità portuale di Genova ha detto martedì che il nuovo molo aprirà a giugno.\n'),
  raw('c.txt', ' date 2024-03-07\nDer Hafen öffnet den Kai\n\nDie Hafenbehörde von Genua sagte am Dienstag, der neue Kai werde im Juni eröffnet.\n'),
];

test('a batch is processed as its documents are one by one', () => {
  assert.deepEqual(processBatch(GOOD), GOOD.flatMap((r) => processBatch([r])));
});

test('a document that breaks a stage is rejected with the error, and the rest of its batch is processed', () => {
  // A record without its warnings list cannot be extracted: the kind of fault a reader bug would cause.
  const broken = { origin: 'broken.txt', text: 'Some words here.', format: 'txt', meta: {} } as unknown as RawDoc;
  const out = processBatch([GOOD[0]!, broken, GOOD[1]!]);
  assert.equal(out.length, 3);
  assert.ok('doc' in out[0]! && 'doc' in out[2]!);
  assert.deepEqual(out[0], processBatch([GOOD[0]!])[0]);
  const reject = out[1]!;
  assert.ok('reject' in reject);
  assert.equal(reject.reject.origin, 'broken.txt');
  assert.equal(reject.reject.reason, 'processing failed');
  assert.match(reject.reject.detail ?? '', /not iterable/);
});
