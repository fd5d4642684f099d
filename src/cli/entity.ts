// `storyline entity NAME`: one entity with its type, canonical name, spellings, merges, roles, stories, articles
// and the entities it appears with. NAME is any spelling, in any language, or a canonical id.
import { Command } from 'commander';
import { canonicalId } from '../analyze/entities/canonical.js';
import type { EntityType } from '../model.js';
import type { EntityView } from '../store/types.js';
import { DEFAULT_DB, UsageError, printJsonLine, withStore } from './common.js';

const TYPES: EntityType[] = ['PERSON', 'ORG', 'LOCATION', 'PRODUCT'];

/** The ids a name could have: itself when it is an id, else its canonical id under every type. */
function candidateIds(name: string): string[] {
  if (/^(country|city|PERSON|ORG|LOCATION|PRODUCT):/.test(name)) return [name];
  return [...new Set(TYPES.map((t) => canonicalId(name, t)))];
}

function render(e: EntityView): string {
  const lines = [`${e.name}  (${e.type}, ${e.id})`];
  lines.push(`aliases: ${e.aliases.map((a) => `${a.text} ×${a.count}`).join(', ')}`);
  for (const m of e.merges) lines.push(`merged: "${m.key}": ${m.evidence}`);
  for (const r of e.roles) lines.push(`role: ${r.role}${r.orgName ? ` at ${r.orgName}` : ''} (×${r.count})`);
  for (const s of e.stories) lines.push(`story ${s.id}: ${s.title ?? '(view not built)'} · ${s.articles} article(s)`);
  for (const a of e.articles) lines.push(`  article ${a.origin} [${a.lang}] ${a.title}`);
  if (e.cooccurring.length) lines.push(`with: ${e.cooccurring.map((c) => `${c.name} (${c.type}, ${c.articles})`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function entityCommand(): Command {
  return new Command('entity')
    .description('show an entity: type, canonical name, aliases, roles, stories, articles, co-occurring entities')
    .argument('<name...>', 'a spelling in any language ("Regno Unito", "CK Hutchinson") or a canonical id')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--json', 'one JSON object per matching entity')
    .action(async (words: string[], o: { db: string; json?: boolean }) => {
      const name = words.join(' ');
      const views = await withStore(o.db, async (s) => {
        const ids = await s.findEntities(candidateIds(name), name);
        return (await Promise.all(ids.map((id) => s.entity(id)))).filter((v): v is EntityView => v !== null);
      });
      if (!views.length) throw new UsageError(`no entity "${name}"`);
      for (const v of views) {
        if (o.json) printJsonLine(v);
        else process.stdout.write(render(v));
      }
    });
}
