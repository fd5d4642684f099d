// A story as Markdown or as a standalone HTML page, every summary sentence with its citation.
import type { Story } from '../model.js';

function articleLabel(story: Story, id: string): string {
  const i = story.articles.findIndex((a) => a.id === id);
  return `[${i + 1}]`;
}

export function storyMarkdown(story: Story): string {
  const out: string[] = [`# ${story.title}`, ''];
  const span = story.firstDate ? `${story.firstDate}${story.lastDate && story.lastDate !== story.firstDate ? ` – ${story.lastDate}` : ''}` : 'dates unknown';
  out.push(`Story \`${story.id}\` · ${story.articles.length} articles · ${story.events.length} events · ${span}`);
  out.push(`Languages: ${story.languages.join(', ')} · Sources: ${story.sources.outlets.length} outlets, ${story.sources.independent} independent`);
  if (story.keywords.length) out.push(`Keywords: ${story.keywords.join(', ')}`);
  out.push('', '## Summary', '');
  for (const s of story.summary) out.push(`- ${s.text} ${articleLabel(story, s.article)}`);
  out.push('', '## Events', '');
  for (const e of story.events) {
    const dates = e.firstDate ? (e.lastDate !== e.firstDate ? `${e.firstDate} – ${e.lastDate}` : e.firstDate) : 'date unknown';
    out.push(`### ${e.title}`, '', `\`${e.id}\` · ${dates} · articles ${e.articles.map((a) => articleLabel(story, a)).join(' ')}`, '');
  }
  out.push('## Articles', '');
  story.articles.forEach((a, i) => {
    const notes = [a.duplicateOf ? `duplicate of ${articleLabel(story, a.duplicateOf)}` : '', a.syndicatedWith.length ? `same wire text as ${a.syndicatedWith.map((s) => articleLabel(story, s)).join(' ')}` : '']
      .filter(Boolean)
      .join('; ');
    out.push(`${i + 1}. ${a.title} — ${a.source ?? 'unknown outlet'}, ${a.lang}, ${a.published ?? 'date unknown'} (\`${a.origin}\`)${notes ? ` — ${notes}` : ''}`);
  });
  return `${out.join('\n')}\n`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function storyHtml(story: Story): string {
  const e = escapeHtml;
  const items = story.summary.map((s) => `<li>${e(s.text)} <a href="#a${story.articles.findIndex((a) => a.id === s.article) + 1}">${e(articleLabel(story, s.article))}</a></li>`);
  const arts = story.articles.map(
    (a, i) => `<li id="a${i + 1}">${e(a.title)} — ${e(a.source ?? 'unknown outlet')}, ${e(a.lang)}, ${e(a.published ?? 'date unknown')}</li>`,
  );
  const events = story.events.map((ev) => `<li>${e(ev.title)} <small>${e(ev.firstDate ?? 'date unknown')} · ${ev.articles.length} articles</small></li>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(story.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}small{color:#666}</style></head>
<body><h1>${e(story.title)}</h1>
<p><small>${story.articles.length} articles · ${story.events.length} events · ${e(story.languages.join(', '))} · ${story.sources.independent} independent sources</small></p>
<h2>Summary</h2><ul>${items.join('')}</ul>
<h2>Events</h2><ul>${events.join('')}</ul>
<h2>Articles</h2><ol>${arts.join('')}</ol>
</body></html>
`;
}
