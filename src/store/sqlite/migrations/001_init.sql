-- Storyline schema v1 (SQLite). Articles are keyed by a hash of their record identity and content.
CREATE TABLE ingest_runs (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  inputs TEXT NOT NULL,
  summary TEXT
);

CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  origin TEXT NOT NULL,
  record_id TEXT,
  url TEXT,
  canonical_url TEXT,
  title TEXT NOT NULL,
  title_derived INTEGER NOT NULL DEFAULT 0,
  text TEXT NOT NULL,
  lang TEXT NOT NULL,
  lang_confidence REAL NOT NULL,
  published TEXT,
  published_source TEXT,
  source TEXT,
  author TEXT,
  format TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  meta TEXT NOT NULL DEFAULT '{}',
  warnings TEXT NOT NULL DEFAULT '[]',
  run_id TEXT NOT NULL REFERENCES ingest_runs(id)
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE blocks (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  kept INTEGER NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE analyses (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  sentences TEXT NOT NULL,
  features TEXT NOT NULL,
  minhash TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  counts TEXT NOT NULL,
  size INTEGER NOT NULL,
  first_date TEXT,
  last_date TEXT,
  view TEXT,
  view_stale INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories(id),
  seq INTEGER NOT NULL,
  counts TEXT NOT NULL,
  size INTEGER NOT NULL,
  first_date TEXT,
  last_date TEXT
);
CREATE INDEX events_story ON events(story_id);

CREATE TABLE assignments (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  story_id TEXT NOT NULL,
  duplicate_of TEXT,
  score REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX assignments_story ON assignments(story_id);
CREATE INDEX assignments_event ON assignments(event_id);

CREATE TABLE syndication (
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  jaccard REAL NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;

CREATE TABLE doc_freq (
  feature TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE link_meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE rejects (
  id TEXT PRIMARY KEY,
  origin TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT,
  first_run_id TEXT NOT NULL,
  last_run_id TEXT NOT NULL,
  seen INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
