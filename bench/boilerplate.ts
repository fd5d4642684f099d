// `storyline bench boilerplate`: block-level precision/recall of "drop" on the team's labelled plain-text pages
// (bench/boilerplate/<lang>/*.txt) and on the seeds against EXPECTED.md, with the share of article sentences lost.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract, isReject } from '../src/extract/index.js';
import { identifyLanguage } from '../src/text/langid.js';
import { normalizeText, squashSpaces } from '../src/text/normalize.js';
import { splitSentences } from '../src/text/sentences.js';
import type { BenchOptions, BenchReport } from './report.js';
import { SEED_FILES, seedDropLabels, seedLines } from './seeds-expected.js';
import { SHARED, fmt } from './shared-data.js';

const PAGES = fileURLToPath(new URL('../../bench/boilerplate/', import.meta.url));
const SEEDS = join(SHARED, 'seeds');
export const TARGET_F1 = 0.95;
export const TARGET_LOST = 0.01;

export interface LabelledPage {
  name: string;
  lines: string[];
  /** Per line: true when the line is boilerplate. */
  drop: boolean[];
}

export interface DropScore {
  pages: number;
  blocks: number;
  tp: number;
  fp: number;
  fn: number;
  sentences: number;
  sentencesLost: number;
  /** Lines classified wrongly, for reading. */
  errors: string[];
}

/** A labelled page: each non-blank line starts with `+ ` (article) or `- ` (boilerplate); the mark is stripped. */
export function readLabelledPage(name: string, text: string): LabelledPage {
  const lines: string[] = [];
  const drop: boolean[] = [];
  for (const raw of text.split('\n')) {
    const m = /^([+-]) (.*)$/.exec(raw);
    if (!m) {
      if (raw.trim() !== '') throw new Error(`${name}: line without a + or - label: "${raw.slice(0, 60)}"`);
      continue;
    }
    const line = squashSpaces(normalizeText(m[2]!));
    if (!line) continue;
    lines.push(line);
    drop.push(m[1] === '-');
  }
  return { name, lines, drop };
}

/** Per line, whether the plain-text path of ingest drops it (a rejected page drops everything). */
export function predictDrops(lines: string[], origin: string): boolean[] {
  const doc = extract({ origin, text: lines.join('\n'), format: 'txt', meta: {}, warnings: [] });
  if (isReject(doc)) return lines.map(() => true);
  if (doc.blocks.length !== lines.length) throw new Error(`${origin}: ${doc.blocks.length} blocks for ${lines.length} lines`);
  return doc.blocks.map((b) => !b.kept);
}

export function emptyScore(): DropScore {
  return { pages: 0, blocks: 0, tp: 0, fp: 0, fn: 0, sentences: 0, sentencesLost: 0, errors: [] };
}

export function scorePage(score: DropScore, page: LabelledPage): void {
  const predicted = predictDrops(page.lines, page.name);
  const lang = identifyLanguage(page.lines.join('\n')).lang;
  score.pages++;
  page.lines.forEach((line, i) => {
    score.blocks++;
    const gold = page.drop[i]!;
    const got = predicted[i]!;
    if (gold && got) score.tp++;
    else if (!gold && got) score.fp++;
    else if (gold && !got) score.fn++;
    if (!gold) {
      const n = Math.max(1, splitSentences(line, lang).length);
      score.sentences += n;
      if (got) score.sentencesLost += n;
    }
    if (gold !== got) score.errors.push(`${page.name}: ${got ? 'dropped article line' : 'kept boilerplate'}: ${line.slice(0, 90)}`);
  });
}

export function dropFigures(s: DropScore): { precision: number; recall: number; f1: number; lost: number } {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, lost: s.sentences ? s.sentencesLost / s.sentences : 0 };
}

function teamPages(): Map<string, LabelledPage[]> {
  const byLang = new Map<string, LabelledPage[]>();
  for (const lang of readdirSync(PAGES, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'source').map((d) => d.name).sort()) {
    const files = readdirSync(join(PAGES, lang)).filter((f) => f.endsWith('.txt')).sort();
    byLang.set(lang, files.map((f) => readLabelledPage(`${lang}/${f}`, readFileSync(join(PAGES, lang, f), 'utf8'))));
  }
  return byLang;
}

function seedPages(): LabelledPage[] {
  return SEED_FILES.filter((f) => existsSync(join(SEEDS, f))).map((f) => {
    const lines = seedLines(readFileSync(join(SEEDS, f), 'utf8')).map((l) => squashSpaces(normalizeText(l)));
    return { name: `seeds/${f}`, lines, drop: seedDropLabels(lines) };
  });
}

function row(name: string, s: DropScore): string[] {
  const f = dropFigures(s);
  return [name, String(s.pages), String(s.blocks), fmt(f.precision), fmt(f.recall), fmt(f.f1), `${(f.lost * 100).toFixed(2)}%`];
}

export async function boilerplateReport(_o: BenchOptions): Promise<BenchReport> {
  const all = emptyScore();
  const rows = [['set', 'pages', 'blocks', 'drop P', 'drop R', 'drop F1', 'sentences lost']];
  const json: Record<string, unknown> = { bench: 'boilerplate' };
  const perLang: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [lang, pages] of teamPages()) {
    const score = emptyScore();
    for (const page of pages) {
      scorePage(score, page);
      scorePage(all, page);
    }
    perLang[lang] = { pages: score.pages, ...dropFigures(score) };
    errors.push(...score.errors);
    rows.push(row(lang, score));
  }
  rows.push(row('all team pages', all));
  const overall = dropFigures(all);
  Object.assign(json, { pages: all.pages, blocks: all.blocks, precision: overall.precision, recall: overall.recall, f1: overall.f1, sentences_lost: overall.lost, languages: perLang });
  const seeds = seedPages();
  if (seeds.length) {
    const score = emptyScore();
    for (const page of seeds) scorePage(score, page);
    rows.push(row('seeds (EXPECTED.md)', score));
    json.seeds = { pages: score.pages, ...dropFigures(score), errors: score.errors };
    errors.push(...score.errors);
  }
  rows.push(['target', '', '', '', '', `≥ ${TARGET_F1}`, `≤ ${TARGET_LOST * 100}%`]);
  json.errors = errors;
  const notes = [
    seeds.length ? '' : `seeds not found at ${SEEDS}: scored the team pages only.`,
    'Team pages: bench/boilerplate/<lang>/ (see its README); each line labelled + article / - boilerplate.',
    ...errors.map((e) => `miss ${e}`),
  ].filter(Boolean);
  return { json, rows, notes };
}
