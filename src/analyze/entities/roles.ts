// Roles and affiliations of people, read from the words around their mentions: a title before the name, with the
// organisation before it ("Three UK's chief digital officer Tom Malleschitz", "Xiaomi-Chef Lei Jun"), or an
// apposition after it ("Wang Xiang, vicepresidente senior di Xiaomi", "Tom Malleschitz, Three UK's chief digital officer").
import type { EntityMention, EntityRole } from '../../model.js';
import { DEEP_LANGS, langLines } from '../../text/langdata.js';

let words: Set<string> | null = null;

/** Words of the titles of every language, lower-cased ("ceo", "chairman", "chef", "senior", "vice"). */
export function roleWords(): Set<string> {
  words ??= new Set(DEEP_LANGS.flatMap((l) => langLines(l, 'roles.txt')).flatMap((t) => t.toLowerCase().split(/[\s-]+/)));
  return words;
}

const rolePatterns = new Map<string, { before: RegExp; after: RegExp; orgThenRole: RegExp }>();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Patterns over the titles of the article's language and English (news in every language borrows "CEO"). */
function patterns(lang: string): { before: RegExp; after: RegExp; orgThenRole: RegExp } {
  let p = rolePatterns.get(lang);
  if (!p) {
    const titles = [...new Set([...langLines(lang, 'roles.txt'), ...langLines('en', 'roles.txt')])].sort((a, b) => b.length - a.length);
    const role = `(?:senior\\s+|sénior\\s+)?(?:${titles.map((t) => escape(t).replace(/[ -]/g, '[\\s-]')).join('|')})(?:\\s+senior|\\s+sénior)?`;
    p = {
      before: new RegExp(`(?<![\\p{L}])(${role})\\s*$`, 'iu'),
      after: new RegExp(`^\\s*,\\s*(?:(?:the|il|la|le|el|der|die|l['’])\\s*)?(${role})(?![\\p{L}])`, 'iu'),
      orgThenRole: new RegExp(`^\\s*['’]s\\s+(${role})(?![\\p{L}])|^[\\s-]*(${role})(?![\\p{L}])`, 'iu'),
    };
    rolePatterns.set(lang, p);
  }
  return p;
}

/** Furthest an organisation may sit after an apposition's title ("vicepresidente senior per Xiaomi business … di Xiaomi"). */
const ORG_REACH = 60;

const isOrg = (m: EntityMention): boolean => m.type === 'ORG';

/** Roles of the PERSON mentions of one field. */
function fieldRoles(text: string, mentions: EntityMention[], lang: string): EntityRole[] {
  const { before, after, orgThenRole } = patterns(lang);
  const roles: EntityRole[] = [];
  mentions.forEach((m, k) => {
    if (m.type !== 'PERSON') return;
    const pre = before.exec(text.slice(Math.max(0, m.start - 60), m.start));
    if (pre) {
      const roleStart = m.start - pre[0].length;
      const org = mentions.slice(0, k).reverse().find((o) => isOrg(o) && /^(?:['’]s)?[\s-]*$/.test(text.slice(o.end, roleStart)));
      roles.push({ person: m.id, role: pre[1]!.toLowerCase(), org: org?.id ?? null, field: m.field, start: org?.start ?? roleStart, end: m.end });
      return;
    }
    const post = after.exec(text.slice(m.end, m.end + 80));
    if (post) {
      const roleEnd = m.end + post[0].length;
      const org = mentions.slice(k + 1).find((o) => isOrg(o) && o.start >= roleEnd && o.start - roleEnd <= ORG_REACH && !/[.;!?]/.test(text.slice(roleEnd, o.start)));
      roles.push({ person: m.id, role: post[1]!.toLowerCase(), org: org?.id ?? null, field: m.field, start: m.start, end: org?.end ?? roleEnd });
      return;
    }
    // "Tom Malleschitz, Three UK's chief digital officer": the title counts even when the employer was tagged only in part.
    const next = mentions[k + 1];
    if (next && next.type !== 'PERSON' && /^\s*,\s*(?:\p{Lu}\p{L}*\s+){0,2}$/u.test(text.slice(m.end, next.start))) {
      const tail = orgThenRole.exec(text.slice(next.end, next.end + 60));
      if (tail) roles.push({ person: m.id, role: (tail[1] ?? tail[2])!.toLowerCase(), org: isOrg(next) ? next.id : null, field: m.field, start: m.start, end: next.end + tail[0].length });
    }
  });
  return roles;
}

/** Roles found in the title and body. */
export function findRoles(title: string, text: string, mentions: EntityMention[], lang: string): EntityRole[] {
  return [
    ...fieldRoles(title, mentions.filter((m) => m.field === 'title'), lang),
    ...fieldRoles(text, mentions.filter((m) => m.field === 'text'), lang),
  ];
}
