-- The directory's full-text search vector: name and headline weigh most, then capabilities and city,
-- then the story. Maintained on every insert and update of a profile.
CREATE OR REPLACE FUNCTION workshop_profiles_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search :=
    setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.headline, '')), 'A') ||
    setweight(to_tsvector('english', replace(array_to_string(NEW.capabilities, ' '), '_', ' ')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.city, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.story, '')), 'C');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER workshop_profiles_search_trg
  BEFORE INSERT OR UPDATE OF name, headline, capabilities, city, story ON workshop_profiles
  FOR EACH ROW EXECUTE FUNCTION workshop_profiles_search_update();
