// A deterministic synthetic corpus for speed benchmarks: plain-text articles about many made-up stories.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
const FILLER = {
  en: 'the officials said that the company would report on the plan after the meeting while investors waited for more details about the decision and its costs for the region'.split(' '),
  it: 'i funzionari hanno detto che la società presenterà il piano dopo la riunione mentre gli investitori attendono dettagli sulla decisione e sui costi per la regione'.split(' '),
  de: 'die Behörden sagten dass das Unternehmen den Plan nach der Sitzung vorstellen werde während Anleger auf Einzelheiten zur Entscheidung und ihren Kosten warten'.split(' '),
  fr: "les responsables ont dit que l'entreprise présenterait le plan après la réunion tandis que les investisseurs attendaient des détails sur la décision et ses coûts".split(' '),
  es: 'los responsables dijeron que la empresa presentaría el plan después de la reunión mientras los inversores esperaban detalles sobre la decisión y sus costes'.split(' '),
};
const LANGS = Object.keys(FILLER) as (keyof typeof FILLER)[];

function name(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  const w = Array.from({ length: n }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join('');
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Write `count` articles (about 3 KB each) under `dir`, in groups of about 8 per made-up story. */
export function writeSyntheticCorpus(dir: string, count: number, seed = 7): void {
  const r = rng(seed);
  mkdirSync(dir, { recursive: true });
  const stories = Math.max(1, Math.round(count / 8));
  const cast = Array.from({ length: stories }, () => [name(r), name(r), name(r), `${name(r)} ${name(r)}`]);
  for (let i = 0; i < count; i++) {
    const s = Math.floor(r() * stories);
    const lang = LANGS[Math.floor(r() * LANGS.length)]!;
    const [org, place, other, person] = cast[s]!;
    const day = 1 + (s % 28);
    const sentences: string[] = [];
    while (sentences.join(' ').length < 3000) {
      const filler = FILLER[lang];
      const start = Math.floor(r() * (filler.length - 12));
      const words = filler.slice(start, start + 8 + Math.floor(r() * 5));
      const inserts = [org, place, person, other, String(Math.floor(r() * 900) + 100)];
      words.splice(2 + Math.floor(r() * 4), 0, inserts[Math.floor(r() * inserts.length)]!);
      const sentence = words.join(' ');
      sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1) + '.');
    }
    const title = `${org} ${FILLER[lang][3]} ${place}`;
    const body = sentences.reduce((acc, sen, k) => acc + (k && k % 4 === 0 ? '\n\n' : k ? ' ' : '') + sen, '');
    writeFileSync(join(dir, `${String(i).padStart(6, '0')}.txt`), ` date 2024-03-${String(day).padStart(2, '0')}\n${title}\n\n${body}\n`);
  }
}
