// Entities of one article: typed mentions with canonical ids, short forms and acronyms resolved, and people's roles.
import type { EntityMention, EntityRole, Span } from '../../model.js';
import { DEEP_LANGS } from '../../text/langdata.js';
import { resolveShortForms } from './aliases.js';
import { withBrandFamilies } from './brands.js';
import { mentionsOf, tagArticle, type BodyTokens } from './mentions.js';
import { withProducts } from './products.js';
import { findRoles } from './roles.js';

/** What the entity step reads of an article; `body`: its tokens and feature records, when the caller has them. */
export interface EntityInput {
  title: string;
  text: string;
  sentences: Span[];
  lang: string;
  body?: BodyTokens;
}

export type ArticleEntities = { entities: EntityMention[]; roles: EntityRole[] };

/** The tagger and the role patterns know the languages analysed in depth only. */
const analysed = (a: EntityInput): boolean => DEEP_LANGS.includes(a.lang);

/** The entities of several articles, each step across all of them in turn (see analyzeAll). */
export function extractEntitiesAll(articles: EntityInput[]): ArticleEntities[] {
  const deep = articles.filter(analysed);
  const tagged = deep.map((a) => tagArticle(a.title, a.text, a.sentences, a.lang, a.body));
  const mentions = deep.map((a, i) => mentionsOf(a.title, a.text, tagged[i]!, a.lang));
  const withNamed = deep.map((a, i) => withProducts(mentions[i]!, a.title, a.text, a.body?.tokens));
  const resolved = withNamed.map(resolveShortForms);
  const entities = deep.map((a, i) => withBrandFamilies(resolved[i]!, a.title, a.text, a.sentences));
  const roles = deep.map((a, i) => findRoles(a.title, a.text, entities[i]!, a.lang));
  let k = 0;
  return articles.map((a) => (analysed(a) ? { entities: entities[k]!, roles: roles[k++]! } : { entities: [], roles: [] }));
}

export function extractEntities(title: string, text: string, sentences: Span[], lang: string, body?: BodyTokens): ArticleEntities {
  return extractEntitiesAll([{ title, text, sentences, lang, body }])[0]!;
}
