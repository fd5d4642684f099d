// Entities of one article: typed mentions with canonical ids, short forms and acronyms resolved, and people's roles.
import type { EntityMention, EntityRole, Span } from '../../model.js';
import { DEEP_LANGS } from '../../text/langdata.js';
import { resolveShortForms } from './aliases.js';
import { withBrandFamilies } from './brands.js';
import { findMentions, type BodyTokens } from './mentions.js';
import { withProducts } from './products.js';
import { findRoles } from './roles.js';

/** `body`: the body's tokens and feature records, when the caller has them (analysis does). */
export function extractEntities(title: string, text: string, sentences: Span[], lang: string, body?: BodyTokens): { entities: EntityMention[]; roles: EntityRole[] } {
  // The tagger and the role patterns know the languages analysed in depth only.
  if (!DEEP_LANGS.includes(lang)) return { entities: [], roles: [] };
  const entities = withBrandFamilies(resolveShortForms(withProducts(findMentions(title, text, sentences, lang, body), title, text, body?.tokens)), title, text, sentences);
  return { entities, roles: findRoles(title, text, entities, lang) };
}
