// The Store interface: everything above it reads and writes through these calls, never SQL.
import type { Article, Assignment, Block, Lang, Reject, RunSummary, Span, Story, TimeAnalysis } from '../model.js';
import type { LinkChanges, LinkState } from '../link/index.js';

/** One batch of the pipeline, written in one transaction: articles, their places, link state, rejects. */
export interface BatchWrite {
  runId: string;
  articles: { article: Article; assignment: Assignment }[];
  rejects: Reject[];
  link: LinkChanges;
}

/** An article as stored, for exports, story views and the CLI. */
export interface StoredArticle {
  id: string;
  origin: string;
  recordId: string | null;
  url: string | null;
  title: string;
  text: string;
  lang: Lang;
  langConfidence: number;
  published: string | null;
  publishedSource: string | null;
  source: string | null;
  author: string | null;
  format: string;
  wordCount: number;
  meta: Record<string, unknown>;
  warnings: string[];
}

export interface StoredAssignment {
  articleId: string;
  origin: string;
  url: string | null;
  lang: Lang;
  published: string | null;
  event: string;
  story: string;
  duplicateOf: string | null;
  syndicatedWith: string[];
}

/** A story member with what the story view needs. */
export interface MemberArticle extends StoredArticle {
  event: string;
  duplicateOf: string | null;
  syndicatedWith: string[];
  sentences: Span[];
  /** The article's anchor features (names, places, concepts, numbers) with their counts. */
  anchors: Map<string, number>;
  /** Temporal expressions, for the story timeline. */
  times?: TimeAnalysis;
}

export interface StoredReject extends Reject {
  firstRun: string;
  lastRun: string;
  seen: number;
}

export interface SearchHit {
  id: string;
  origin: string;
  title: string;
  lang: Lang;
  published: string | null;
  story: string | null;
  snippet: string;
}

export interface StoreStats {
  articles: number;
  duplicates: number;
  syndicated: number;
  rejects: number;
  events: number;
  stories: number;
  languages: Record<Lang, number>;
}

export interface Store extends EntityStore {
  readonly location: string;
  /** Ids among `ids` already stored. */
  existingArticleIds(ids: string[]): Promise<Set<string>>;
  loadLinkState(): Promise<LinkState>;
  writeBatch(batch: BatchWrite): Promise<void>;
  startRun(runId: string, inputs: string[]): Promise<void>;
  finishRun(summary: RunSummary): Promise<void>;
  /** Stories whose members changed since their view was last derived. */
  staleStoryIds(): Promise<string[]>;
  storyMembers(storyId: string): Promise<MemberArticle[]>;
  /** Stores the views of some stories, all or none (one transaction), and marks them fresh. */
  saveStoryViews(stories: Story[]): Promise<void>;
  articles(): AsyncIterable<StoredArticle>;
  article(idOrOrigin: string): Promise<StoredArticle | null>;
  blocks(articleId: string): Promise<Block[]>;
  /** An article's temporal expressions and inferred publication range. */
  times(articleId: string): Promise<TimeAnalysis>;
  assignments(): AsyncIterable<StoredAssignment>;
  stories(): AsyncIterable<Story>;
  /** A story by id or unique id prefix. */
  story(id: string): Promise<Story | null>;
  search(query: string, limit: number): Promise<SearchHit[]>;
  rejects(): Promise<StoredReject[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

// ── Entities (schema v2) ──

/** An entity as `storyline entity` shows it. */
export interface EntityView {
  id: string;
  type: string;
  /** Display name: English for countries, else the most frequent spelling. */
  name: string;
  aliases: { text: string; count: number }[];
  merges: { key: string; evidence: string; article: string }[];
  roles: { role: string; org: string | null; orgName: string | null; count: number }[];
  articles: { id: string; origin: string; title: string; lang: Lang; story: string | null }[];
  stories: { id: string; title: string | null; articles: number }[];
  cooccurring: { id: string; name: string; type: string; articles: number }[];
}

/** An entity of a story, for exports. */
export interface StoryEntity {
  id: string;
  type: string;
  name: string;
  mentions: number;
  articles: number;
  aliases: string[];
  roles: { person: string; role: string; org: string | null }[];
}

export interface EntityStore {
  /** Ids of entities whose id is one of `ids`, whose merged spelling is `key`, or mentioned exactly as `surface`. */
  findEntities(ids: string[], surface: string): Promise<string[]>;
  entity(id: string): Promise<EntityView | null>;
  storyEntities(storyId: string): Promise<StoryEntity[]>;
}
