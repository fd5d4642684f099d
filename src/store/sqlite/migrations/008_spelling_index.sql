-- Spelling-variant candidates are read from an in-memory index caught up by rowid (SpellingIndex), so the
-- (type, shape, len) index is one more B-tree per new entity that no query reads.
DROP INDEX IF EXISTS entities_variants;
