-- The IDF snapshot the link stage weighs with (one row): document count and frequencies as a JSON array of pairs.
CREATE TABLE idf_snapshot (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  docs INTEGER NOT NULL,
  df TEXT NOT NULL
);
