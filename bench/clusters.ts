// Clustering quality: B-cubed precision/recall/F1 of predicted clusters against gold clusters.

export interface ClusterScore {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed over the items present in both maps (item → cluster label). */
export function bcubed(gold: Map<string, string>, predicted: Map<string, string>): ClusterScore {
  const items = [...gold.keys()].filter((k) => predicted.has(k));
  const members = (labels: Map<string, string>): Map<string, Set<string>> => {
    const out = new Map<string, Set<string>>();
    for (const i of items) {
      const l = labels.get(i)!;
      if (!out.has(l)) out.set(l, new Set());
      out.get(l)!.add(i);
    }
    return out;
  };
  const g = members(gold);
  const p = members(predicted);
  let precision = 0;
  let recall = 0;
  for (const i of items) {
    const gi = g.get(gold.get(i)!)!;
    const pi = p.get(predicted.get(i)!)!;
    let both = 0;
    for (const j of pi) if (gi.has(j)) both++;
    precision += both / pi.size;
    recall += both / gi.size;
  }
  precision /= items.length || 1;
  recall /= items.length || 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

function round(x: number): number {
  return Number(x.toFixed(4));
}
