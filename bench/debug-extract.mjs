// not committed: per-page debugging
import { readArticlePages } from '../dist/bench/extract.js';
import { scorePage, pagePrecision, pageRecall, tokens } from '../dist/bench/shingles.js';
import { extract, isReject } from '../dist/src/extract/index.js';
const pages = readArticlePages();
const mode = process.argv[2] ?? 'list';
const only = process.argv[3];
const res = [];
for (const p of pages) {
  if (only && !p.id.startsWith(only)) continue;
  const d = extract({ origin: p.id, url: p.url, html: p.html, format: 'html', meta: {}, warnings: [] });
  const text = isReject(d) ? '' : d.text;
  const s = scorePage(p.truth, text);
  res.push({ p, d, s, P: pagePrecision(s), R: pageRecall(s) });
}
if (mode === 'sum') { const { meanScores } = await import('../dist/bench/shingles.js'); console.log(meanScores(res.map((r) => r.s))); }
else if (mode === 'list') {
  res.sort((a, b) => Math.min(a.P, a.R) - Math.min(b.P, b.R));
  for (const r of res.slice(0, Number(process.argv[4] ?? 40))) console.log(r.p.id.slice(0, 8), 'P', r.P.toFixed(2), 'R', r.R.toFixed(2), r.p.url.slice(0, 80));
} else {
  for (const r of res) {
    const truthToks = new Set(tokens(r.p.truth).map((t) => t.toLowerCase()));
    console.log(r.p.id, r.p.url, 'P', r.P.toFixed(2), 'R', r.R.toFixed(2));
    if (isReject(r.d)) { console.log('REJECT', r.d.reason); continue; }
    for (const b of r.d.blocks) {
      const tk = tokens(b.text);
      const inT = tk.filter((t) => truthToks.has(t.toLowerCase())).length / Math.max(1, tk.length);
      const mark = inT > 0.8 ? 'T' : inT > 0.4 ? '?' : ' ';
      if (mode === 'full' || (b.kept && mark === ' ') || (!b.kept && mark === 'T'))
        console.log(`${b.kept ? 'K' : '-'}${mark} ${b.reason.slice(0, 50).padEnd(50)} | ${b.text.slice(0, 110)}`);
    }
    console.log('TRUTH START:', r.p.truth.slice(0, 200).replace(/\n/g, ' / '));
  }
}
