// `storyline bench langid`: language identification on the team-written set (bench/data/langid.tsv: short and
// long texts in the 24 EU languages and ru/ar/zh/ja) and per-block language on mixed pages (langid-blocks.tsv).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blockLanguages } from '../src/analyze/blocklang.js';
import { identifyLanguage } from '../src/text/langid.js';
import type { BenchRunner } from './report.js';

const DATA = fileURLToPath(new URL('../../bench/data/', import.meta.url));
const SHORT = 60;

function rows(file: string): string[][] {
  return readFileSync(`${DATA}${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

interface Tally {
  short: [number, number];
  long: [number, number];
  misses: string[];
}

const pct = (ok: number, n: number): string => (n ? ((100 * ok) / n).toFixed(0) : '-');

export const langidReport: BenchRunner = async () => {
  const perLang = new Map<string, Tally>();
  for (const [lang, text] of rows('langid.tsv')) {
    const t = perLang.get(lang!) ?? { short: [0, 0], long: [0, 0], misses: [] };
    perLang.set(lang!, t);
    const got = identifyLanguage(text!).lang;
    const bucket = text!.length <= SHORT ? t.short : t.long;
    bucket[1]++;
    if (got === lang) bucket[0]++;
    else t.misses.push(got);
  }
  const table = [['lang', 'short', 'long', 'all %', 'wrong guesses']];
  let ok = 0;
  let n = 0;
  const json: Record<string, { accuracy: number; texts: number }> = {};
  for (const [lang, t] of [...perLang].sort()) {
    const good = t.short[0] + t.long[0];
    const all = t.short[1] + t.long[1];
    ok += good;
    n += all;
    json[lang] = { accuracy: Number((good / all).toFixed(3)), texts: all };
    table.push([lang, `${t.short[0]}/${t.short[1]}`, `${t.long[0]}/${t.long[1]}`, pct(good, all), t.misses.join(' ')]);
  }
  table.push(['all', '', '', pct(ok, n), '']);

  const pages = new Map<string, { lang: string; text: string }[]>();
  for (const [page, lang, text] of rows('langid-blocks.tsv')) pages.set(page!, [...(pages.get(page!) ?? []), { lang: lang!, text: text! }]);
  let blockOk = 0;
  let blocks = 0;
  for (const page of pages.values()) {
    const pageLang = identifyLanguage(page.map((b) => b.text).join('\n')).lang;
    const got = blockLanguages(page.map((b, index) => ({ index, text: b.text, kept: true })), pageLang);
    got.forEach((g, i) => {
      blocks++;
      if (g.lang === page[i]!.lang) blockOk++;
    });
  }
  return {
    json: { accuracy: Number((ok / n).toFixed(3)), texts: n, languages: json, mixed_page_blocks: { accuracy: Number((blockOk / blocks).toFixed(3)), blocks } },
    rows: table,
    notes: [
      `mixed pages: ${blockOk}/${blocks} blocks labelled with their own language (${pct(blockOk, blocks)}%)`,
      'reference: eld reports ~99% on its own long-text test set; the team set has short (<= 60 chars) and long texts, 5 per language',
    ],
  };
};
