-- Rows that belong to an article are keyed by its sequence number (articles.seq, in arrival order) instead of its
-- random 64-hex id: a batch's rows then land at the end of each B-tree instead of on pages all over it. The hex id
-- stays the article's public id; readers reach it through articles. Existing rows are converted in place.
-- A kept block found in the article's text is stored as its span there (UTF-16 offsets, text NULL) rather than as a
-- second copy of the words; other blocks, and the blocks of converted databases, keep their text.
CREATE TABLE blocks_by_seq (
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text TEXT,
  start INTEGER,
  end INTEGER,
  kept INTEGER NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  lang TEXT,
  PRIMARY KEY (article_seq, idx),
  CHECK ((text IS NULL) = (start IS NOT NULL AND end IS NOT NULL))
) WITHOUT ROWID;
INSERT INTO blocks_by_seq (article_seq, idx, text, kept, kind, reason, lang) SELECT a.seq, b.idx, b.text, b.kept, b.kind, b.reason, b.lang
  FROM blocks b JOIN articles a ON a.id = b.article_id ORDER BY a.seq, b.idx;
DROP TABLE blocks;
ALTER TABLE blocks_by_seq RENAME TO blocks;

CREATE TABLE analyses_by_seq (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  sentences TEXT NOT NULL,
  minhash TEXT NOT NULL,
  anchors TEXT NOT NULL
);
INSERT INTO analyses_by_seq SELECT a.seq, n.sentences, n.minhash, n.anchors
  FROM analyses n JOIN articles a ON a.id = n.article_id ORDER BY a.seq;
DROP TABLE analyses;
ALTER TABLE analyses_by_seq RENAME TO analyses;

CREATE TABLE assignments_by_seq (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  story_id TEXT NOT NULL,
  duplicate_of TEXT,
  score REAL NOT NULL
);
INSERT INTO assignments_by_seq SELECT a.seq, s.event_id, s.story_id, s.duplicate_of, s.score
  FROM assignments s JOIN articles a ON a.id = s.article_id ORDER BY a.seq;
DROP TABLE assignments;
ALTER TABLE assignments_by_seq RENAME TO assignments;
CREATE INDEX assignments_story ON assignments(story_id);

CREATE TABLE times_by_seq (
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
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
  PRIMARY KEY (article_seq, idx)
) WITHOUT ROWID;
INSERT INTO times_by_seq SELECT a.seq, t.idx, t.text, t.span_start, t.span_end, t.type, t.value, t.mod, t.interval_start,
    t.interval_end, t.granularity, t.anchor, t.anchor_inferred, t.mode, t.clause_start, t.clause_end, t.zone, t.parts
  FROM times t JOIN articles a ON a.id = t.article_id ORDER BY a.seq, t.idx;
DROP TABLE times;
ALTER TABLE times_by_seq RENAME TO times;

CREATE TABLE published_inferred_by_seq (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  start TEXT NOT NULL,
  end TEXT NOT NULL,
  confidence REAL NOT NULL,
  basis TEXT NOT NULL
);
INSERT INTO published_inferred_by_seq SELECT a.seq, p.start, p.end, p.confidence, p.basis
  FROM published_inferred p JOIN articles a ON a.id = p.article_id ORDER BY a.seq;
DROP TABLE published_inferred;
ALTER TABLE published_inferred_by_seq RENAME TO published_inferred;

CREATE TABLE entity_mentions_by_seq (
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  surface TEXT NOT NULL,
  field TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  evidence TEXT
);
INSERT INTO entity_mentions_by_seq SELECT a.seq, m.entity_id, m.surface, m.field, m.start, m.end, m.evidence
  FROM entity_mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.seq, m.rowid;
DROP TABLE entity_mentions;
ALTER TABLE entity_mentions_by_seq RENAME TO entity_mentions;
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);
CREATE INDEX entity_mentions_article ON entity_mentions (article_seq);

CREATE TABLE entity_roles_by_seq (
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  role TEXT NOT NULL,
  org_id TEXT,
  field TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
INSERT INTO entity_roles_by_seq SELECT a.seq, r.person_id, r.role, r.org_id, r.field, r.start, r.end
  FROM entity_roles r JOIN articles a ON a.id = r.article_id ORDER BY a.seq, r.rowid;
DROP TABLE entity_roles;
ALTER TABLE entity_roles_by_seq RENAME TO entity_roles;
CREATE INDEX entity_roles_person ON entity_roles (person_id);
-- A story's roles are read through its articles, not by scanning every role stored.
CREATE INDEX entity_roles_article ON entity_roles (article_seq);

-- An article's syndication partners are looked up from either side of the pair.
CREATE INDEX syndication_b ON syndication (b);

-- Indexes no query reads, each one more B-tree every batch writes into (assignments by event and times by interval
-- went with their old tables).
DROP INDEX articles_content_hash;
DROP INDEX articles_published;
DROP INDEX events_story;
DROP INDEX entities_type_key;
