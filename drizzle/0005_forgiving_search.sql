-- A search that forgives: accents ("Turkiye" finds "Türkiye"), hyphens ("micro pave" finds "micro-pavé"),
-- apostrophes, and typos ("enamle" finds "enamel", through the directory's own words and trigrams).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- English stemming after removing accents, for documents and queries alike.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'bezel_search') THEN
    CREATE TEXT SEARCH CONFIGURATION bezel_search (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION bezel_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
  END IF;
END
$$;
--> statement-breakpoint
-- The words the directory's profiles use, unaccented and lower-case, for "did you mean". Not an
-- organization's rows: a word says nothing of who wrote it. Only ever added to; a stale word can only
-- suggest a search, and a suggestion is offered only when it finds something.
CREATE TABLE IF NOT EXISTS directory_words (
  word text PRIMARY KEY
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS directory_words_trgm_idx ON directory_words USING gin (word gin_trgm_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION workshop_profiles_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search :=
    setweight(to_tsvector('bezel_search', coalesce(NEW.name, '')), 'A') ||
    setweight(to_tsvector('bezel_search', coalesce(NEW.headline, '')), 'A') ||
    setweight(to_tsvector('bezel_search', replace(array_to_string(NEW.capabilities, ' '), '_', ' ')), 'B') ||
    setweight(to_tsvector('bezel_search', coalesce(NEW.city, '')), 'B') ||
    setweight(to_tsvector('bezel_search', coalesce(NEW.story, '')), 'C');
  IF NEW.published_at IS NOT NULL THEN
    INSERT INTO directory_words (word)
      SELECT DISTINCT w FROM regexp_split_to_table(
        lower(unaccent(concat_ws(' ', NEW.name, NEW.headline, NEW.city, replace(array_to_string(NEW.capabilities, ' '), '_', ' '), NEW.story))),
        '[^a-z0-9]+'
      ) AS w
      WHERE length(w) BETWEEN 3 AND 40
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS workshop_profiles_search_trg ON workshop_profiles;
--> statement-breakpoint
CREATE TRIGGER workshop_profiles_search_trg
  BEFORE INSERT OR UPDATE OF name, headline, capabilities, city, story, published_at ON workshop_profiles
  FOR EACH ROW EXECUTE FUNCTION workshop_profiles_search_update();
--> statement-breakpoint
-- Recompute every vector with the new configuration, and collect the words of published profiles.
UPDATE workshop_profiles SET name = name;
--> statement-breakpoint
GRANT SELECT, INSERT ON directory_words TO bezel_app;
