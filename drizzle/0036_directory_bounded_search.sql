-- The directory's search reads `directory_entries`: one row per published profile with only what a search
-- filters, sorts and counts on. Why a table of its own: under row-level security PostgreSQL applies the
-- policy before any condition whose operator is not LEAKPROOF, and neither text search (@@) nor array
-- containment (@>) is, so on workshop_profiles no search could use its GIN indexes (a rare word read all
-- 100,000 profiles). These rows are public data (published profiles only, the fields the directory shows
-- to anyone), so the table has no row-level security: the app's role may read it, and only the trigger
-- below (SECURITY DEFINER) writes it, in the same statement as the profile change, so it is never stale.
-- Trade-off: each profile write also writes its entry and its indexes (about 60 MB at 100,000 profiles).
CREATE TABLE IF NOT EXISTS directory_entries (
  org_id uuid PRIMARY KEY REFERENCES workshop_profiles (org_id) ON DELETE CASCADE,
  published_at timestamptz NOT NULL,
  capabilities text[] NOT NULL,
  metals text[] NOT NULL,
  gemstone_work text[] NOT NULL,
  certifications text[] NOT NULL,
  country text NOT NULL,
  moq_per_design integer,
  lead_time_min_days integer,
  lead_time_max_days integer,
  -- The profile's search vector plus one word per facet value ('cap=casting', 'metal=platinum', 'gem=natural',
  -- 'cert=rjc', 'country=IT'; no stemmed word holds '='), so one GIN lookup intersects the text and every
  -- facet of a search exactly. The facet words have no positions and never match search text, so ranking
  -- by `doc` ranks as by the profile's search vector.
  doc tsvector NOT NULL
);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON directory_entries FROM bezel_app;
--> statement-breakpoint
GRANT SELECT ON directory_entries TO bezel_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_entry_doc(search tsvector, capabilities text[], metals text[], gemstone_work text[], certifications text[], country text)
  RETURNS tsvector LANGUAGE sql STABLE AS $$
  -- Facet values hold no spaces (vocabulary keys and country codes).
  SELECT coalesce(search, ''::tsvector) || array_to_tsvector(string_to_array(concat_ws(' ',
    CASE WHEN cardinality(capabilities) > 0 THEN 'cap=' || array_to_string(capabilities, ' cap=') END,
    CASE WHEN cardinality(metals) > 0 THEN 'metal=' || array_to_string(metals, ' metal=') END,
    CASE WHEN cardinality(gemstone_work) > 0 THEN 'gem=' || array_to_string(gemstone_work, ' gem=') END,
    CASE WHEN cardinality(certifications) > 0 THEN 'cert=' || array_to_string(certifications, ' cert=') END,
    CASE WHEN coalesce(country, '') <> '' THEN 'country=' || country END
  ), ' '))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_entries_sync() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.published_at IS NULL THEN
    DELETE FROM directory_entries WHERE org_id = OLD.org_id;
    IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;
  END IF;
  IF NEW.published_at IS NOT NULL THEN
    IF TG_OP = 'UPDATE' AND OLD.org_id <> NEW.org_id THEN
      DELETE FROM directory_entries WHERE org_id = OLD.org_id;
    END IF;
    INSERT INTO directory_entries AS e (org_id, published_at, capabilities, metals, gemstone_work, certifications, country,
      moq_per_design, lead_time_min_days, lead_time_max_days, doc)
    VALUES (NEW.org_id, NEW.published_at, NEW.capabilities, NEW.metals, NEW.gemstone_work, NEW.certifications, NEW.country,
      NEW.moq_per_design, NEW.lead_time_min_days, NEW.lead_time_max_days,
      directory_entry_doc(NEW.search, NEW.capabilities, NEW.metals, NEW.gemstone_work, NEW.certifications, NEW.country))
    ON CONFLICT (org_id) DO UPDATE SET published_at = excluded.published_at, capabilities = excluded.capabilities,
      metals = excluded.metals, gemstone_work = excluded.gemstone_work, certifications = excluded.certifications,
      country = excluded.country, moq_per_design = excluded.moq_per_design, lead_time_min_days = excluded.lead_time_min_days,
      lead_time_max_days = excluded.lead_time_max_days, doc = excluded.doc;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER workshop_profiles_directory_entries AFTER INSERT OR UPDATE OR DELETE ON workshop_profiles
  FOR EACH ROW EXECUTE FUNCTION directory_entries_sync();
--> statement-breakpoint
-- The profiles published before this migration.
INSERT INTO directory_entries (org_id, published_at, capabilities, metals, gemstone_work, certifications, country,
  moq_per_design, lead_time_min_days, lead_time_max_days, doc)
SELECT org_id, published_at, capabilities, metals, gemstone_work, certifications, country, moq_per_design,
  lead_time_min_days, lead_time_max_days, directory_entry_doc(search, capabilities, metals, gemstone_work, certifications, country)
FROM workshop_profiles WHERE published_at IS NOT NULL
ON CONFLICT (org_id) DO NOTHING;
--> statement-breakpoint
-- A filtered search reads at most 1,001 matches in result order and stops (see the note at the top of
-- src/server/services/directory.ts). Each order has an index carrying every column a search filters or
-- counts on, so searches without text read the index alone: newest first, by lead time, by MOQ.
CREATE INDEX IF NOT EXISTS directory_entries_newest_idx ON directory_entries (published_at DESC, org_id)
  INCLUDE (capabilities, metals, gemstone_work, certifications, country, moq_per_design, lead_time_min_days, lead_time_max_days);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS directory_entries_lead_time_idx ON directory_entries (lead_time_max_days, lead_time_min_days, org_id)
  INCLUDE (capabilities, metals, gemstone_work, certifications, country, moq_per_design, published_at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS directory_entries_moq_idx ON directory_entries (moq_per_design, lead_time_max_days, org_id)
  INCLUDE (capabilities, metals, gemstone_work, certifications, country, lead_time_min_days, published_at);
--> statement-breakpoint
-- Rare words and rare facet values: found through GIN, then sorted.
CREATE INDEX IF NOT EXISTS directory_entries_doc_idx ON directory_entries USING gin (doc);
--> statement-breakpoint
-- The words of names and headlines (weight A; facet words have none): a text search by best match also ranks
-- the newest 1,000 profiles whose name or headline matches, however old.
CREATE INDEX IF NOT EXISTS directory_entries_title_idx ON directory_entries USING gin (ts_filter(doc, '{a}'));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS directory_entries_capabilities_idx ON directory_entries USING gin (capabilities);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS directory_entries_metals_idx ON directory_entries USING gin (metals);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS directory_entries_country_idx ON directory_entries (country, published_at DESC);
--> statement-breakpoint
-- The profiles' own range-sort indexes (drizzle/0020) served the unfiltered directory's pages, which now read
-- the entries' indexes above.
DROP INDEX IF EXISTS workshop_profiles_published_lead_time_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS workshop_profiles_published_moq_idx;
