// Stories room: a story's reader-facing view (title, events, summary with citations, sources) derived from its members.
import { createRequire } from 'node:module';
import type { CitedSentence, Story, StoryArticleRef, StoryEventView } from '../model.js';
import type { MemberArticle } from '../store/types.js';
import { countWords } from '../text/tokens.js';
import { buildTimeline } from './timeline.js';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as { getName(code: string, lang: string): string | undefined };

const SUMMARY_SENTENCES = 4;
const MIN_SUMMARY_WORDS = 8;
const KEYWORDS = 10;
/** Language preferred for a story's title when a central article in it exists; the CLI speaks English. */
const DISPLAY_LANG = 'en';

/** How many anchors an article shares with the others: the most shared one represents the group. */
function centrality(members: MemberArticle[]): Map<MemberArticle, number> {
  const df = new Map<string, number>();
  for (const m of members) for (const f of m.anchors.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const score = new Map<MemberArticle, number>();
  for (const m of members) {
    let s = 0;
    for (const f of m.anchors.keys()) s += df.get(f)! - 1;
    score.set(m, s);
  }
  return score;
}

function representative(members: MemberArticle[]): MemberArticle {
  const originals = members.filter((m) => !m.duplicateOf);
  const pool = originals.length ? originals : members;
  const score = centrality(pool);
  const best = Math.max(...score.values());
  const ranked = [...pool].sort((a, b) => score.get(b)! - score.get(a)!);
  return ranked.find((m) => m.lang === DISPLAY_LANG && score.get(m)! >= best * 0.6) ?? ranked[0]!;
}

function dateRange(members: MemberArticle[]): [string | null, string | null] {
  const dates = members.map((m) => m.published).filter((d): d is string => !!d).sort();
  return [dates[0] ?? null, dates[dates.length - 1] ?? null];
}

/** Lead sentence of an article that reads as a sentence (long enough), with its span. */
function leadSentence(m: MemberArticle): CitedSentence | null {
  for (const span of m.sentences) {
    const text = m.text.slice(span.start, span.end);
    if (countWords(text) >= MIN_SUMMARY_WORDS) return { text, article: m.id, span };
  }
  return null;
}

/** Outlets, and how many of them reported independently: copies of one text and one outlet's articles count once. */
function sources(members: MemberArticle[]): Story['sources'] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const union = (a: string, b: string): void => {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  };
  for (const m of members) parent.set(m.id, m.id);
  const byOutlet = new Map<string, string>();
  for (const m of members) {
    if (m.duplicateOf) union(m.id, m.duplicateOf);
    for (const s of m.syndicatedWith) union(m.id, s);
    const outlet = m.source ?? m.id;
    if (byOutlet.has(outlet)) union(m.id, byOutlet.get(outlet)!);
    else byOutlet.set(outlet, m.id);
  }
  const outlets = [...new Set(members.map((m) => m.source).filter((s): s is string => !!s))].sort();
  return { outlets, independent: new Set(members.map((m) => find(m.id))).size };
}

function readableFeature(f: string): string {
  const [kind, ...rest] = f.split(':');
  const value = rest.join(':');
  if (kind === 'P') return countries.getName(value, 'en') ?? value;
  if (kind === 'K') return value.toLowerCase().replace(/_/g, ' ');
  return value;
}

function keywords(members: MemberArticle[]): string[] {
  const df = new Map<string, number>();
  for (const m of members) for (const f of m.anchors.keys()) if (/^[EPK]:/.test(f)) df.set(f, (df.get(f) ?? 0) + 1);
  return [...df]
    .filter(([, n]) => n > 1 || members.length === 1)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, KEYWORDS)
    .map(([f]) => readableFeature(f));
}

/** The story view of a story's member articles (never empty). */
export function deriveStory(id: string, members: MemberArticle[]): Story {
  const byEvent = new Map<string, MemberArticle[]>();
  for (const m of members) {
    const list = byEvent.get(m.event);
    if (list) list.push(m);
    else byEvent.set(m.event, [m]);
  }
  const leads = new Map([...byEvent].map(([eventId, list]) => [eventId, representative(list)]));
  const events: StoryEventView[] = [...byEvent].map(([eventId, list]) => {
    const [firstDate, lastDate] = dateRange(list);
    return { id: eventId, title: leads.get(eventId)!.title, articles: list.map((m) => m.id), firstDate, lastDate };
  });
  events.sort((a, b) => (a.firstDate ?? '9999').localeCompare(b.firstDate ?? '9999') || a.id.localeCompare(b.id));
  const summary: CitedSentence[] = [];
  for (const e of events) {
    const lead = leadSentence(leads.get(e.id)!);
    if (lead && summary.length < SUMMARY_SENTENCES) summary.push(lead);
  }
  const articles: StoryArticleRef[] = members.map((m) => ({
    id: m.id, origin: m.origin, title: m.title, source: m.source, lang: m.lang, published: m.published,
    event: m.event, duplicateOf: m.duplicateOf, syndicatedWith: m.syndicatedWith,
  }));
  const [firstDate, lastDate] = dateRange(members);
  return {
    id,
    title: representative(members).title,
    events,
    articles,
    summary,
    languages: [...new Set(members.map((m) => m.lang))].sort(),
    sources: sources(members),
    firstDate,
    lastDate,
    keywords: keywords(members),
    timeline: buildTimeline(members),
  };
}
