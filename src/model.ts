// The records that flow between the rooms: ingest → extract → analyze → link → stories → store.

/** ISO 639-1 code, or 'und' when the language could not be told. */
export type Lang = string;

/** Input formats the readers understand. */
export type InputFormat = 'txt' | 'html' | 'jsonl' | 'json' | 'feed' | 'stdin';

/** One input record as read, before any cleaning. */
export interface RawDoc {
  /** The id an export shows: the record's own id, else its URL, else the file path (with #line for feeds). */
  origin: string;
  /** The record's own id, when the input gave one. */
  recordId?: string;
  url?: string;
  title?: string;
  /** Publication date as given by the input (ISO 8601 date or date-time). */
  date?: string;
  /** How the input gave the date: a record field, or the `.txt` date line. */
  dateSource?: 'input' | 'date-line' | 'feed';
  lang?: Lang;
  text?: string;
  html?: string;
  /** Outlet or site name as given by the input. */
  source?: string;
  format: InputFormat;
  /** The file the record came from, as given on the command line (absent for stdin and URLs). */
  file?: string;
  /** Unknown input fields, kept as they came. */
  meta: Record<string, unknown>;
  /** Notes from reading, e.g. a guessed legacy encoding. */
  warnings: string[];
}

/** An input that could not become an article, with the reason a user can act on. */
export interface Reject {
  origin: string;
  reason: string;
  detail?: string;
}

export type BlockKind = 'title' | 'heading' | 'body' | 'credit' | 'noise';

/** A line or paragraph of the page, kept or dropped, with why. */
export interface Block {
  index: number;
  text: string;
  kept: boolean;
  kind: BlockKind;
  /** Why it was kept or dropped, e.g. 'body', 'repeated headline', 'reader comments'. */
  reason: string;
}

/** Where the publication date came from. */
export type DateSource = 'input' | 'date-line' | 'feed' | 'meta' | 'json-ld' | 'time-element' | 'url' | 'text';

/** A cleaned article: text as kept, with its metadata. */
export interface Document {
  origin: string;
  recordId?: string;
  url?: string;
  title: string;
  /** True when no title was found and it was taken from the first sentence. */
  titleDerived: boolean;
  /** Body text as kept, paragraphs separated by blank lines. */
  text: string;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  published: string | null;
  publishedSource: DateSource | null;
  source: string | null;
  author: string | null;
  canonicalUrl: string | null;
  /** Language stated by the input record: trusted over detection. */
  langHint: Lang | null;
  /** Language the page declares (`<html lang>`): used only when detection is unsure, as templates often get it wrong. */
  pageLang: Lang | null;
  blocks: Block[];
  format: InputFormat;
  meta: Record<string, unknown>;
  warnings: string[];
}

/** A character span [start, end) in an article's kept text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Language-independent and language-specific features of an article, as counts.
 * Keys are prefixed by kind: E: entity-like name, P: place (ISO country code), K: concept,
 * N: number, Y: year, W:<lang>: word stem.
 */
export type FeatureCounts = Map<string, number>;

/** What the pure analysis stage finds in one article. */
export interface Analysis {
  lang: Lang;
  langConfidence: number;
  /** Sentence spans over `title + "\n\n" + text`, see `analysisText`. */
  sentences: Span[];
  features: FeatureCounts;
  /** SHA-256 of the normalised title and text: equal hashes are exact duplicates. */
  contentHash: string;
  /** MinHash signature over word shingles of the body, for near-duplicate (syndication) search. */
  minhash: number[];
  wordCount: number;
  /** Temporal expressions and, when the publication date is unknown, the range inferred for it. */
  times?: TimeAnalysis;
}

/** A cleaned, analysed article ready to be linked and stored. */
export interface Article {
  /** Stable key: SHA-256 of the record identity and content; re-ingesting the same record gives the same key. */
  id: string;
  doc: Document;
  analysis: Analysis;
}

/** Where the link stage put an article. */
export interface Assignment {
  articleId: string;
  event: string;
  story: string;
  duplicateOf: string | null;
  syndicatedWith: string[];
  /** Similarity to the event it joined (1 for duplicates and new events' founders). */
  score: number;
}

/** A sentence of a story summary and the article span it came from. */
export interface CitedSentence {
  text: string;
  article: string;
  span: Span;
}

export interface StoryArticleRef {
  id: string;
  origin: string;
  title: string;
  source: string | null;
  lang: Lang;
  published: string | null;
  event: string;
  duplicateOf: string | null;
  syndicatedWith: string[];
}

export interface StoryEventView {
  id: string;
  title: string;
  articles: string[];
  firstDate: string | null;
  lastDate: string | null;
}

/** A story as shown to readers: derived from its member articles. */
export interface Story {
  id: string;
  title: string;
  events: StoryEventView[];
  articles: StoryArticleRef[];
  summary: CitedSentence[];
  languages: Lang[];
  /** Outlets that reported it; `independent` counts syndicated and duplicate copies once. */
  sources: { outlets: string[]; independent: number };
  firstDate: string | null;
  lastDate: string | null;
  /** Top shared features, readable (names, places, concepts). */
  keywords: string[];
  /** Dated happenings and plans across the story's articles, in time order. */
  timeline?: TimelineEntry[];
}

/** Counts of one ingest run. */
export interface RunSummary {
  runId: string;
  inputs: string[];
  read: number;
  ingested: number;
  unchanged: number;
  duplicates: number;
  syndicated: number;
  rejected: number;
  seconds: number;
}

// ── Site templates (plain-text boilerplate across a source's articles) ──

// RawDoc, continued (interface merging keeps this addition in its own section).
export interface RawDoc {
  /** Comparison keys of the lines that recur across this record's source (its site template), found before extraction. */
  siteTemplates?: string[];
}

// ── Entities: mentions, canonical ids and roles, found by the analyze stage (src/analyze/entities/) ──

export type EntityType = 'PERSON' | 'ORG' | 'LOCATION' | 'PRODUCT';

/** One mention of an entity, as characters of the title or of the body. */
export interface EntityMention {
  /** Canonical id, the same in every language: `country:GB`, `city:milan`, `ORG:ck hutchison`, `PERSON:lei jun`. */
  id: string;
  text: string;
  type: EntityType;
  field: 'title' | 'text';
  start: number;
  end: number;
  /** Why this mention joined an entity other than its own spelling's ("short form of Lei Jun in the same article"). */
  evidence?: string;
}

/** A person's role, from an apposition or possessive ("Three UK's chief digital officer Tom Malleschitz"). */
export interface EntityRole {
  person: string;
  role: string;
  /** The organisation the role is held at, when named. */
  org: string | null;
  field: 'title' | 'text';
  /** The characters the role was read from. */
  start: number;
  end: number;
}

export interface Analysis {
  entities?: EntityMention[];
  roles?: EntityRole[];
}

/** The language of one kept block of a page (see analyze/blocklang.ts). */
export interface BlockLang {
  index: number;
  lang: Lang;
  confidence: number;
}

export interface Analysis {
  /** Kept blocks whose language differs from the article's; the rest are in the article's language. */
  otherLangBlocks?: BlockLang[];
}

export interface Block {
  /** Language of a kept block, when known (mixed pages are labelled per block). */
  lang?: Lang;
}

// ---- Time: temporal expressions, their resolved values and story timelines ----

/** TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** Whether the dated thing happened, is planned or expected, is a supposition, or is denied. */
export type TimeMode = 'happened' | 'planned' | 'hypothetical' | 'negated';

export type TimeGranularity = 'century' | 'decade' | 'year' | 'half' | 'season' | 'quarter' | 'month' | 'week' | 'day' | 'time' | 'none';

/** One temporal expression found in a text, resolved against an anchor date. */
export interface TimeExpression {
  text: string;
  span: Span;
  type: TimexType;
  /** TIMEX3 value: 2018-05-22, 2018-05, 2018-Q3, 2018-SU, 199, P3D, PAST_REF, XXXX-WXX-1, 2018-05-22T15:00 … */
  value: string;
  /** TIMEX3 mod: START, MID, END, BEFORE, AFTER, APPROX, LESS_THAN, MORE_THAN. */
  mod?: string;
  /** Inclusive day range [start, end] (YYYY-MM-DD); an open side is null; null when not a calendar period. */
  interval: [string | null, string | null] | null;
  granularity: TimeGranularity;
  /** The date it was resolved against (YYYY, YYYY-MM or YYYY-MM-DD), null when unresolved. */
  anchor: string | null;
  /** True when the anchor is the inferred, not the stated, publication date. */
  anchorInferred?: boolean;
  mode: TimeMode;
  /** The clause the expression dates. */
  clause: Span;
  /** Time zone as written, for times. */
  zone?: string;
  /** Combined expressions ("late 2018 or 2019"): the parts' values. */
  parts?: string[];
}

/** A publication date range inferred from the article's own expressions. */
export interface InferredDate {
  start: string;
  end: string;
  inferred: true;
  /** The expressions that bounded it. */
  basis: string[];
  confidence: number;
}

export interface TimeAnalysis {
  expressions: TimeExpression[];
  publishedInferred: InferredDate | null;
}

/** Where a timeline entry was read: article, expression span and the clause it dates. */
export interface TimelineCitation {
  article: string;
  lang: Lang;
  span: Span;
  text: string;
  clause: string;
}

/** One dated happening (or plan) of a story, merged across articles and languages. */
export interface TimelineEntry {
  value: string;
  interval: [string | null, string | null];
  granularity: TimeGranularity;
  /** 'happened' entries form the timeline; the others are listed apart. */
  mode: TimeMode;
  /** The clause text of the first citation, for display. */
  label: string;
  /** 'expression': dated by words in the text; 'publication': an article's lead, dated by its publication date. */
  basis: 'expression' | 'publication';
  citations: TimelineCitation[];
}
