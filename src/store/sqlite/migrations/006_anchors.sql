-- The anchor features of each article (names, places, concepts, numbers; no word stems), apart: story views read
-- only these, and a story's members' full feature lists are a hundred times larger.
ALTER TABLE analyses ADD COLUMN anchors TEXT;
UPDATE analyses SET anchors = (
  SELECT json_group_array(json(j.value)) FROM json_each(analyses.features) j WHERE json_extract(j.value, '$[0]') NOT LIKE 'W:%'
);
