-- Of an article's features only the anchors (names, places, concepts, numbers; no word stems) are kept with its
-- analysis: story views read them, the word stems live on in the link state, and the full lists were most of the
-- database's bytes. Analysis is pure, so a full list can always be computed again from the text.
ALTER TABLE analyses ADD COLUMN anchors TEXT NOT NULL DEFAULT '[]';
UPDATE analyses SET anchors = (
  SELECT json_group_array(json(j.value)) FROM json_each(analyses.features) j WHERE json_extract(j.value, '$[0]') NOT LIKE 'W:%'
);
ALTER TABLE analyses DROP COLUMN features;
