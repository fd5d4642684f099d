-- Link state by feature id: a feature dictionary (anchors on even ids, word stems on odd ones), document
-- frequencies and centroids keyed by id (centroids as flat JSON arrays [id, count, id, count, …] in their order),
-- and the IDF snapshot linking weighs with. Existing state is converted in place.
CREATE TABLE features (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

WITH names AS (
  SELECT feature AS name FROM doc_freq
  UNION SELECT j.key FROM stories, json_each(stories.counts) j
  UNION SELECT j.key FROM events, json_each(events.counts) j
), ranked AS (
  SELECT name, substr(name, 1, 1) = 'W' AS word,
    row_number() OVER (PARTITION BY substr(name, 1, 1) = 'W' ORDER BY name) - 1 AS k
  FROM names
)
INSERT INTO features (id, name) SELECT 2 * k + word, name FROM ranked;

UPDATE stories SET counts = (
  SELECT json_group_array(x) FROM (
    SELECT x FROM (
      SELECT j.id AS pos, 0 AS part, f.id AS x FROM json_each(stories.counts) j JOIN features f ON f.name = j.key
      UNION ALL SELECT j.id, 1, j.value FROM json_each(stories.counts) j
    ) ORDER BY pos, part
  )
);
UPDATE events SET counts = (
  SELECT json_group_array(x) FROM (
    SELECT x FROM (
      SELECT j.id AS pos, 0 AS part, f.id AS x FROM json_each(events.counts) j JOIN features f ON f.name = j.key
      UNION ALL SELECT j.id, 1, j.value FROM json_each(events.counts) j
    ) ORDER BY pos, part
  )
);

CREATE TABLE doc_freq_by_id (
  feature_id INTEGER PRIMARY KEY,
  n INTEGER NOT NULL
);
INSERT INTO doc_freq_by_id (feature_id, n) SELECT f.id, d.n FROM doc_freq d JOIN features f ON f.name = d.feature;
DROP TABLE doc_freq;

-- One row: the document count and frequencies (flat JSON [id, n, …]) of the current IDF epoch. Until the next
-- epoch starts, a converted database weighs with its current frequencies.
CREATE TABLE idf_snapshot (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  docs INTEGER NOT NULL,
  df TEXT NOT NULL
);
INSERT INTO idf_snapshot (id, docs, df)
  SELECT 1, value, (SELECT json_group_array(x) FROM (SELECT x FROM (
    SELECT feature_id AS pos, 0 AS part, feature_id AS x FROM doc_freq_by_id UNION ALL SELECT feature_id, 1, n FROM doc_freq_by_id
  ) ORDER BY pos, part))
  FROM link_meta WHERE key = 'docs';
