-- Temporal expressions of each article, and the publication date range inferred when none was given.
CREATE TABLE times (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  mod TEXT,
  interval_start TEXT,
  interval_end TEXT,
  granularity TEXT NOT NULL,
  anchor TEXT,
  anchor_inferred INTEGER NOT NULL DEFAULT 0,
  mode TEXT NOT NULL,
  clause_start INTEGER NOT NULL,
  clause_end INTEGER NOT NULL,
  zone TEXT,
  parts TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX times_interval ON times(interval_start, interval_end);

CREATE TABLE published_inferred (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  start TEXT NOT NULL,
  end TEXT NOT NULL,
  confidence REAL NOT NULL,
  basis TEXT NOT NULL
) WITHOUT ROWID;
