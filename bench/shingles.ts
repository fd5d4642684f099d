// The article-extraction benchmark's metric: multisets of 4-token shingles, per-page TP/FP/FN normalised to sum 1,
// precision and recall averaged over pages, F1 of the two means (as the benchmark's evaluate script defines it).

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface MeanScores {
  precision: number;
  recall: number;
  f1: number;
}

const SHINGLE = 4;

/** `\w+` tokens as Python's Unicode regex reads them: letters, digits, underscore. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingleCounts(text: string): Map<string, number> {
  const toks = tokens(text);
  const counts = new Map<string, number>();
  // A text of fewer than four tokens is one short shingle; an empty text has none.
  for (let i = 0; i < Math.max(1, toks.length - SHINGLE + 1); i++) {
    const key = toks.slice(i, i + SHINGLE).join('\u0001');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One page: shared, extra and missed shingles, normalised so that long pages weigh no more than short ones. */
export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingleCounts(truth);
  const p = shingleCounts(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, tc] of t) fn += Math.max(0, tc - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function pagePrecision(s: PageScore): number {
  if (s.fp === 0 && s.fn === 0) return 1;
  return s.tp === 0 && s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
}

export function pageRecall(s: PageScore): number {
  if (s.fp === 0 && s.fn === 0) return 1;
  return s.tp === 0 && s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Precision over pages that predicted something, recall over pages that have a body; F1 of the two means. */
export function meanScores(pages: PageScore[]): MeanScores {
  const precision = mean(pages.filter((s) => s.tp + s.fp > 0).map(pagePrecision));
  const recall = mean(pages.filter((s) => s.tp + s.fn > 0).map(pageRecall));
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
