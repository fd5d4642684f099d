// Entities in SQLite: each mention is resolved to a stored entity (its own id, a recorded alias, a spelling variant
// of one existing entity, or a short form of one person of the same story) and written with the evidence of the merge.
import type { Sql } from './sql.js';
import type { Analysis, EntityMention } from '../../model.js';
import { idKey } from '../../analyze/entities/canonical.js';
import { sameNameVariant, variantLengths } from '../../analyze/entities/aliases.js';
import { countryName } from '../../text/places.js';
import type { EntityView, StoryEntity } from '../types.js';

type Row = Record<string, unknown>;

const isPlace = (id: string): boolean => id.startsWith('country:') || id.startsWith('city:');
const typeOf = (id: string): string => id.slice(0, id.indexOf(':'));

/** What spelling variants share (see sameNameVariant): the first letter and the number of words. */
function nameShape(key: string): string {
  return `${key[0] ?? ''}:${key.split(' ').length}`;
}

/**
 * Stored names by type and shape, then by length: the only names a spelling variant can be. Kept in memory and
 * caught up from the table by rowid before each look-up (rows of this transaction and of other writers included), as
 * reading the candidates row by row grew to the largest cost of a store write past a few thousand articles.
 */
export class SpellingIndex {
  private readonly byShape = new Map<string, Map<number, { id: string; key: string }[]>>();
  private seen = 0;

  /** The stored names of this type and shape whose length lies in [low, high]. */
  candidates(sql: Sql, type: string, shape: string, [low, high]: [number, number]): { id: string; key: string }[] {
    this.catchUp(sql);
    const byLength = this.byShape.get(`${type}\t${shape}`);
    const out: { id: string; key: string }[] = [];
    if (byLength) for (let len = low; len <= high; len++) for (const c of byLength.get(len) ?? []) out.push(c);
    return out;
  }

  /** Forget everything, as after a rolled-back batch: the next look-up reads the table afresh. */
  clear(): void {
    this.byShape.clear();
    this.seen = 0;
  }

  private catchUp(sql: Sql): void {
    const rows = sql('SELECT rowid, id, type, key, shape, len FROM entities WHERE rowid > ? ORDER BY rowid').raw().all(this.seen) as [number, string, string, string, string, number][];
    for (const [rowid, id, type, key, shape, len] of rows) {
      this.seen = rowid;
      const group = `${type}\t${shape}`;
      const byLength = this.byShape.get(group) ?? this.byShape.set(group, new Map()).get(group)!;
      (byLength.get(len) ?? byLength.set(len, []).get(len)!).push({ id, key });
    }
  }
}

/** The stored entity a mention id belongs to, with the evidence of the merge; null when it is its own entity. */
function resolveMerge(sql: Sql, spellings: SpellingIndex, m: EntityMention, articleId: string, storyId: string): { id: string; evidence: string } | null {
  if (isPlace(m.id) || sql('SELECT 1 FROM entities WHERE id = ?').get(m.id)) return null;
  const type = typeOf(m.id);
  const key = idKey(m.id);
  const alias = sql('SELECT entity_id, evidence FROM entity_aliases WHERE type = ? AND key = ?').get(type, key) as Row | undefined;
  if (alias) return { id: alias.entity_id as string, evidence: alias.evidence as string };
  if (!key.includes(' ')) {
    // A lone word in a story where exactly one known person's name contains it ("Jun" → "Lei Jun").
    // CROSS JOIN keeps SQLite's loop order: from the story's articles outwards, never from every person stored.
    const people = sql(
      `SELECT DISTINCT e.id, e.key FROM assignments s CROSS JOIN entity_mentions em ON em.article_seq = s.article_seq
         CROSS JOIN entities e ON e.id = em.entity_id WHERE s.story_id = ? AND e.type = 'PERSON' AND e.key LIKE '% %'`,
      )
      .all(storyId) as Row[];
    const fits = people.filter((p) => (p.key as string).split(' ').includes(key));
    return fits.length === 1 ? { id: fits[0]!.id as string, evidence: `short form of "${fits[0]!.key}" in the same story` } : null;
  }
  // Spelling variants: same type and first letter, then the guarded edit-distance test.
  // Only names a variant can be (same first letter and word count, length within the edits allowed) are read.
  const lengths = variantLengths(key.length);
  if (!lengths) return null;
  const variants = spellings.candidates(sql, type, nameShape(key), lengths).filter((c) => sameNameVariant(key, c.key));
  if (variants.length !== 1) return null;
  const target = variants[0]!;
  const evidence = `spelling variant of "${target.key}" (edit distance ≤ 2, same word count and initials)`;
  sql('INSERT OR IGNORE INTO entity_aliases (type, key, entity_id, evidence, article_id) VALUES (?, ?, ?, ?, ?)').run(type, key, target.id, evidence, articleId);
  return { id: target.id, evidence };
}

/**
 * Writes an article's mentions and roles; runs inside the batch transaction, after its assignment row. `stored` holds
 * entity ids known to be in the table (entities are never deleted), so that most mentions need no look-up.
 */
export function writeArticleEntities(
  sql: Sql,
  article: { id: string; seq: number },
  storyId: string,
  analysis: Analysis,
  known: { stored: Set<string>; spellings: SpellingIndex },
): void {
  const { stored, spellings } = known;
  const insertEntity = sql('INSERT OR IGNORE INTO entities (id, type, key, shape, len) VALUES (?, ?, ?, ?, ?)');
  const insertMention = sql('INSERT INTO entity_mentions (article_seq, entity_id, surface, field, start, end, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertRole = sql('INSERT INTO entity_roles (article_seq, person_id, role, org_id, field, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)');
  // An article names the same entity many times: each id is resolved and stored once.
  const merges = new Map<string, { id: string; evidence: string } | null>();
  for (const m of analysis.entities ?? []) {
    let merge = merges.get(m.id);
    if (merge === undefined) {
      merges.set(m.id, (merge = stored.has(m.id) ? null : resolveMerge(sql, spellings, m, article.id, storyId)));
      const id = merge?.id ?? m.id;
      if (!stored.has(id)) {
        const key = idKey(id);
        insertEntity.run(id, typeOf(id) === 'country' || typeOf(id) === 'city' ? 'LOCATION' : typeOf(id), key, nameShape(key), key.length);
        stored.add(id);
      }
    }
    insertMention.run(article.seq, merge?.id ?? m.id, m.text, m.field, m.start, m.end, merge?.evidence ?? m.evidence ?? null);
  }
  const resolved = (id: string): string => merges.get(id)?.id ?? id;
  for (const r of analysis.roles ?? []) {
    insertRole.run(article.seq, resolved(r.person), r.role, r.org ? resolved(r.org) : null, r.field, r.start, r.end);
  }
}

/** Entity ids among `ids`, reached through a merge of one of their keys, or mentioned exactly as `surface`. */
export function findEntities(sql: Sql, ids: string[], surface: string): string[] {
  const found = new Set<string>();
  for (const id of ids) {
    if (sql('SELECT 1 FROM entities WHERE id = ?').get(id)) found.add(id);
    const alias = sql('SELECT entity_id FROM entity_aliases WHERE type = ? AND key = ?').pluck().get(typeOf(id), idKey(id)) as string | undefined;
    if (alias) found.add(alias);
  }
  if (!found.size) {
    for (const id of sql('SELECT DISTINCT entity_id FROM entity_mentions WHERE surface = ? COLLATE NOCASE').pluck().all(surface) as string[]) found.add(id);
  }
  return [...found];
}

/** The display name of each entity among `ids`. */
function names(sql: Sql, ids: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const stmt = sql('SELECT surface FROM entity_mentions WHERE entity_id = ? GROUP BY surface ORDER BY COUNT(*) DESC, length(surface) DESC LIMIT 1').pluck();
  // A country is named in English whatever spelling was most frequent; the rest by their most frequent spelling.
  for (const id of ids) out.set(id, (id.startsWith('country:') && countryName(idKey(id))) || ((stmt.get(id) as string | undefined) ?? idKey(id)));
  return out;
}

export function entityView(sql: Sql, id: string): EntityView | null {
  const e = sql('SELECT id, type FROM entities WHERE id = ?').get(id) as Row | undefined;
  if (!e) return null;
  const aliases = sql('SELECT surface AS text, COUNT(*) AS count FROM entity_mentions WHERE entity_id = ? GROUP BY surface ORDER BY count DESC, surface').all(id) as { text: string; count: number }[];
  const merges = sql(
      `SELECT key, evidence, article_id FROM entity_aliases WHERE entity_id = ?
       UNION SELECT DISTINCT em.surface, em.evidence, a.id FROM entity_mentions em JOIN articles a ON a.seq = em.article_seq
         WHERE em.entity_id = ? AND em.evidence IS NOT NULL`,
    )
    .all(id, id) as Row[];
  const roles = sql('SELECT role, org_id, COUNT(*) AS count FROM entity_roles WHERE person_id = ? GROUP BY role, org_id ORDER BY count DESC').all(id) as Row[];
  const orgNames = names(sql, roles.map((r) => r.org_id as string).filter(Boolean));
  const articles = sql(
      `SELECT DISTINCT a.id, a.origin, a.title, a.lang, s.story_id FROM entity_mentions em JOIN articles a ON a.seq = em.article_seq
       LEFT JOIN assignments s ON s.article_seq = a.seq WHERE em.entity_id = ? ORDER BY a.seq`,
    )
    .all(id) as Row[];
  const storyRows = sql(
      `SELECT s.story_id AS id, COUNT(DISTINCT s.article_seq) AS n, st.view FROM entity_mentions em JOIN assignments s ON s.article_seq = em.article_seq
       LEFT JOIN stories st ON st.id = s.story_id WHERE em.entity_id = ? GROUP BY s.story_id ORDER BY n DESC`,
    )
    .all(id) as Row[];
  const co = sql(
      `SELECT o.entity_id AS id, e.type, COUNT(DISTINCT o.article_seq) AS n FROM entity_mentions em
       JOIN entity_mentions o ON o.article_seq = em.article_seq AND o.entity_id <> em.entity_id JOIN entities e ON e.id = o.entity_id
       WHERE em.entity_id = ? GROUP BY o.entity_id ORDER BY n DESC, o.entity_id LIMIT 20`,
    )
    .all(id) as Row[];
  const coNames = names(sql, co.map((r) => r.id as string));
  return {
    id,
    type: e.type as string,
    name: names(sql, [id]).get(id)!,
    aliases,
    merges: merges.map((r) => ({ key: r.key as string, evidence: r.evidence as string, article: r.article_id as string })),
    roles: roles.map((r) => ({ role: r.role as string, org: (r.org_id as string) ?? null, orgName: r.org_id ? orgNames.get(r.org_id as string) ?? null : null, count: r.count as number })),
    articles: articles.map((r) => ({ id: r.id as string, origin: r.origin as string, title: r.title as string, lang: r.lang as string, story: (r.story_id as string) ?? null })),
    stories: storyRows.map((r) => ({ id: r.id as string, title: r.view ? (JSON.parse(r.view as string) as { title: string }).title : null, articles: r.n as number })),
    cooccurring: co.map((r) => ({ id: r.id as string, name: coNames.get(r.id as string)!, type: r.type as string, articles: r.n as number })),
  };
}

export function storyEntities(sql: Sql, storyId: string): StoryEntity[] {
  const rows = sql(
      // Mentions are fed in article-id order, the order each entity's spellings have always been listed in.
      `SELECT m.entity_id AS id, e.type, COUNT(*) AS mentions, COUNT(DISTINCT m.article_seq) AS articles, json_group_array(DISTINCT m.surface) AS surfaces
       FROM (SELECT em.entity_id, em.article_seq, em.surface FROM assignments s JOIN articles a ON a.seq = s.article_seq
         JOIN entity_mentions em ON em.article_seq = s.article_seq WHERE s.story_id = ? ORDER BY a.id, em.rowid) m
       JOIN entities e ON e.id = m.entity_id GROUP BY m.entity_id ORDER BY articles DESC, mentions DESC, m.entity_id`,
    )
    .all(storyId) as Row[];
  const roles = sql('SELECT DISTINCT r.person_id, r.role, r.org_id FROM entity_roles r JOIN assignments s ON s.article_seq = r.article_seq WHERE s.story_id = ?')
    .all(storyId) as Row[];
  const display = names(sql, rows.map((r) => r.id as string));
  return rows.map((r) => ({
    id: r.id as string,
    type: r.type as string,
    name: display.get(r.id as string)!,
    mentions: r.mentions as number,
    articles: r.articles as number,
    aliases: JSON.parse(r.surfaces as string) as string[],
    roles: roles.filter((x) => x.person_id === r.id).map((x) => ({ person: x.person_id as string, role: x.role as string, org: (x.org_id as string) ?? null })),
  }));
}
