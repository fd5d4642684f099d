// A deterministic synthetic corpus for speed benchmarks: plain-text articles recombined from the demo corpus's
// own sentences (real vocabulary, five languages), grouped into made-up stories with their own names and dates.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { identifyLanguage } from '../src/text/langid.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sto', 'var', 'del', 'bri', 'on', 'tu', 'mar', 'ves', 'qui', 'zan', 'pel', 'dor'];

function name(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  const w = Array.from({ length: n }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join('');
  return w[0]!.toUpperCase() + w.slice(1);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Running-text lines of the demo corpus (plain text and feed records), by language. */
export function sentencePool(corpus: string): Map<string, string[]> {
  const pool = new Map<string, string[]>();
  const texts: string[] = [];
  for (const f of filesUnder(corpus).sort()) {
    if (f.endsWith('.txt')) texts.push(readFileSync(f, 'utf8'));
    if (f.endsWith('.jsonl')) for (const l of readFileSync(f, 'utf8').split('\n')) if (l.trim()) texts.push(String((JSON.parse(l) as { text?: string }).text ?? ''));
  }
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const trimmed = line.trim();
      if (trimmed.split(/\s+/).length < 14 || /[|©]/.test(trimmed)) continue;
      const { lang } = identifyLanguage(trimmed);
      if (!pool.has(lang)) pool.set(lang, []);
      pool.get(lang)!.push(trimmed);
    }
  }
  return pool;
}

/** Write `count` articles (about 3 KB each) under `dir`, about 8 per made-up story, from the sentences of `corpus`. */
export function writeSyntheticCorpus(dir: string, count: number, corpus: string, seed = 7): void {
  const r = rng(seed);
  const pool = [...sentencePool(corpus)].filter(([, lines]) => lines.length >= 20);
  mkdirSync(dir, { recursive: true });
  const stories = Math.max(1, Math.round(count / 8));
  const cast = Array.from({ length: stories }, () => [name(r), `${name(r)} ${name(r)}`, name(r)]);
  for (let i = 0; i < count; i++) {
    const s = Math.floor(r() * stories);
    const [, lines] = pool[Math.floor(r() * pool.length)]!;
    const names = cast[s]!;
    const paragraphs: string[] = [];
    let size = 0;
    while (size < 3000) {
      const line = lines[Math.floor(r() * lines.length)]!;
      // Each story's own names stand in the sentences, so that its articles resemble each other.
      const withName = line.replace(/\b\p{Lu}\p{Ll}{3,}\b/u, names[Math.floor(r() * names.length)]!);
      paragraphs.push(withName);
      size += withName.length;
    }
    const day = new Date(Date.UTC(2024, 0, 1) + s * 86_400_000 * 2).toISOString().slice(0, 10);
    writeFileSync(join(dir, `${String(i).padStart(6, '0')}.txt`), ` date ${day}\n${names[0]} ${names[1]}: ${paragraphs[0]!.split(' ').slice(0, 6).join(' ')}\n\n${paragraphs.join('\n\n')}\n`);
  }
}
