-- Entities (schema v2): canonical entities, their mentions with character spans, merges with evidence, roles.
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  key TEXT NOT NULL,
  -- First letter and word count, and length: the only names a spelling variant of a new name can be.
  shape TEXT NOT NULL,
  len INTEGER NOT NULL
);
CREATE INDEX entities_type_key ON entities (type, key);
CREATE INDEX entities_variants ON entities (type, shape, len);

CREATE TABLE entity_mentions (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  surface TEXT NOT NULL,
  field TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  evidence TEXT
);
CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);
CREATE INDEX entity_mentions_article ON entity_mentions (article_id);

-- A spelling folded into another entity, and why ("spelling variant of CK Hutchison, 1 edit").
CREATE TABLE entity_aliases (
  type TEXT NOT NULL,
  key TEXT NOT NULL,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  evidence TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (type, key)
);

CREATE TABLE entity_roles (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  role TEXT NOT NULL,
  org_id TEXT,
  field TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
CREATE INDEX entity_roles_person ON entity_roles (person_id);

-- The language of each kept block (mixed pages: an English quote inside an Italian article); NULL for dropped blocks.
ALTER TABLE blocks ADD COLUMN lang TEXT;
