// The demo corpus's answer key (demo/gold/*.jsonl) and how a run's assignments score against it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bcubed, type ClusterScore } from './clusters.js';

export interface GoldArticle {
  id: string;
  story: string;
  event: string;
  lang: string;
  published: string;
  outlet: string;
  syndicated_from?: string;
  duplicate_of?: string;
  boilerplate?: string[];
}

export interface AssignmentLine {
  id: string;
  lang: string;
  published: string | null;
  event: string;
  story: string;
  duplicate_of: string | null;
  syndicated_with: string[];
}

export function readGold(dir: string): GoldArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldArticle));
}

/** Gold ids are paths relative to the corpus (or record ids); exported ids may carry a folder prefix. */
export function matchGold(gold: GoldArticle[], lines: AssignmentLine[]): Map<GoldArticle, AssignmentLine> {
  const out = new Map<GoldArticle, AssignmentLine>();
  for (const g of gold) {
    const line = lines.find((l) => l.id === g.id || l.id.endsWith(`/${g.id}`));
    if (line) out.set(g, line);
  }
  return out;
}

export interface DemoScore {
  matched: number;
  stories: ClusterScore;
  events: ClusterScore;
}

export function scoreDemo(gold: GoldArticle[], lines: AssignmentLine[]): DemoScore {
  const matched = matchGold(gold, lines);
  const label = (pick: (g: GoldArticle, l: AssignmentLine) => string): Map<string, string> => new Map([...matched].map(([g, l]) => [g.id, pick(g, l)]));
  return {
    matched: matched.size,
    stories: bcubed(label((g) => g.story), label((_, l) => l.story)),
    events: bcubed(label((g) => `${g.story}/${g.event}`), label((_, l) => l.event)),
  };
}
