// The pure stages of articles, as run in-process or on a worker thread: RawDoc → Document + Analysis, or a reject.
import type { Analysis, Document, RawDoc, Reject } from '../model.js';
import { analyzeAll } from '../analyze/index.js';
import { extract, isReject } from '../extract/index.js';

export type Processed = { doc: Document; analysis: Analysis } | { reject: Reject };

/** Several documents, each stage across all of them in turn (see analyzeAll); results in input order. */
function processAll(raws: RawDoc[]): Processed[] {
  const extracted = raws.map(extract);
  const docs = extracted.filter((d): d is Document => !isReject(d));
  const analyses = analyzeAll(docs);
  let k = 0;
  return extracted.map((d) => (isReject(d) ? { reject: d } : { doc: d, analysis: analyses[k++]! }));
}

function failed(raw: RawDoc, err: unknown): Processed {
  return { reject: { origin: raw.origin, reason: 'processing failed', detail: String((err as Error).message) } };
}

/**
 * processAll, or when it throws, each document alone: one document that breaks a stage is rejected with the
 * error and the others are processed as usual.
 */
export function processBatch(raws: RawDoc[]): Processed[] {
  try {
    return processAll(raws);
  } catch {
    return raws.map((raw) => {
      try {
        return processAll([raw])[0]!;
      } catch (err) {
        return failed(raw, err);
      }
    });
  }
}
