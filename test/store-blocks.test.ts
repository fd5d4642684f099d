// Kept blocks are stored as spans of the article text: each span must give back the block's text exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptBlockSpans } from '../src/store/sqlite/blocks.js';
import type { Block } from '../src/model.js';

const block = (index: number, text: string, kept: boolean): Block => ({ index, text, kept, kind: kept ? 'body' : 'noise', reason: kept ? 'body' : 'menu' });

test('kept blocks are found in order; dropped blocks and kept ones not in the text get no span', () => {
  const blocks = [block(0, 'Home', false), block(1, 'Rain 🌧 fell.', true), block(2, 'Share', false), block(3, 'It fell.', true), block(4, 'Title not in text', true)];
  const text = 'Rain 🌧 fell.\n\nIt fell.';
  const spans = keptBlockSpans(text, blocks);
  assert.deepEqual(spans.map((s) => s && text.slice(s.start, s.end)), [null, 'Rain 🌧 fell.', null, 'It fell.', null]);
  assert.equal(spans[3]!.start, text.indexOf('\n\nIt') + 2);
});

test('a line kept twice gets two spans, the second after the first', () => {
  const spans = keptBlockSpans('It fell.\n\nIt fell.', [block(0, 'It fell.', true), block(1, 'It fell.', true)]);
  assert.deepEqual(spans, [{ start: 0, end: 8 }, { start: 10, end: 18 }]);
});
