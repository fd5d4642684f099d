// Builds the labelled plain-text pages of bench/boilerplate/<lang>/ from the team's own article paragraphs and noise
// lines (bench/boilerplate/source/), placed as crawled pages place them. Deterministic: a seeded generator per page.
// Run after editing the sources: npm run build --silent && node dist/bench/boilerplate/generate.js
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../src/link/minhash.js';

const DIR = fileURLToPath(new URL('../../../bench/boilerplate/', import.meta.url));
const PAGES_PER_ARTICLE = 2;

interface Article {
  title: string;
  paragraphs: string[];
}

type Noise = Record<string, string[]>;

/** A seeded generator of numbers in [0, 1), so the same sources always give the same pages. */
function seeded(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** Articles: blocks separated by a line `===`; the first line is the title, each further line a paragraph. */
export function readArticles(text: string): Article[] {
  return text
    .split(/^===$/m)
    .map((block) => block.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')))
    .filter((lines) => lines.length >= 2)
    .map(([title, ...paragraphs]) => ({ title: title!, paragraphs }));
}

/** Noise lines in `[section]` groups; in a section, `a // b` is one item of several lines (a teaser and its blurb). */
export function readNoise(text: string): Noise {
  const noise: Noise = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const head = /^\[(\w[\w-]*)\]$/.exec(line);
    if (head) section = head[1]!;
    else (noise[section] ??= []).push(line);
  }
  return noise;
}

function pageLines(article: Article, noise: Noise, rnd: () => number): string[] {
  const pick = (section: string): string[] => {
    const list = noise[section] ?? [];
    return list.length ? list[Math.floor(rnd() * list.length)]!.split(' // ') : [];
  };
  const some = (section: string, min: number, max: number): string[] => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    const out: string[] = [];
    for (let i = 0; i < n; i++) for (const l of pick(section)) if (!out.includes(l)) out.push(l);
    return out;
  };
  const drop = (lines: string[]): string[] => lines.map((l) => `- ${l}`);
  const page: string[] = [];
  page.push(...drop(some('top', 2, 5)));
  page.push(`+ ${article.title}`);
  const repeats = Math.floor(rnd() * 3);
  for (let i = 0; i < repeats; i++) page.push(`- ${article.title}`);
  if (rnd() < 0.6) page.push(...drop(pick('byline')));
  if (rnd() < 0.3) page.push(...drop(pick('credit')));
  article.paragraphs.forEach((p, i) => {
    page.push(`+ ${p}`);
    const inside = i < article.paragraphs.length - 1;
    if (inside && rnd() < 0.3) page.push(...drop(pick('middle')));
    else if (inside && rnd() < 0.15) page.push(...drop(pick('teaser')));
  });
  page.push(...drop(some('bottom', 1, 4)));
  // A "related" heading and the headlines of other stories under it.
  if (rnd() < 0.5) page.push(...drop([...pick('related'), pick('teaser')[0]!, pick('teaser')[0]!]));
  if (rnd() < 0.4) {
    page.push(...drop(pick('comments-head')));
    const comments = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < comments; i++) page.push(...drop([...pick('commenter'), ...pick('comment')]));
  }
  page.push(...drop(pick('copyright')));
  return page;
}

function generate(): void {
  for (const file of readdirSync(join(DIR, 'source')).filter((f) => f.endsWith('.articles.txt'))) {
    const lang = file.slice(0, 2);
    const articles = readArticles(readFileSync(join(DIR, 'source', file), 'utf8'));
    const noise = readNoise(readFileSync(join(DIR, 'source', `${lang}.noise.txt`), 'utf8'));
    const out = join(DIR, lang);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    let n = 0;
    for (let copy = 0; copy < PAGES_PER_ARTICLE; copy++) {
      articles.forEach((article, i) => {
        const rnd = seeded(lang.charCodeAt(0) * 1000 + lang.charCodeAt(1) * 100 + i * 7 + copy * 7919);
        writeFileSync(join(out, `${String(++n).padStart(2, '0')}.txt`), `${pageLines(article, noise, rnd).join('\n')}\n`);
      });
    }
    console.log(`${lang}: ${n} pages from ${articles.length} articles`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) generate();
