// The pure stages of one article, as run in-process or on a worker thread: RawDoc → Document + Analysis, or a reject.
import type { Analysis, Document, RawDoc, Reject } from '../model.js';
import { analyze } from '../analyze/index.js';
import { extract, isReject } from '../extract/index.js';

export type Processed = { doc: Document; analysis: Analysis } | { reject: Reject };

export function processRaw(raw: RawDoc): Processed {
  const doc = extract(raw);
  if (isReject(doc)) return { reject: doc };
  return { doc, analysis: analyze(doc) };
}
