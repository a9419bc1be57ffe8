-- The directory's facet counts over every published profile, kept true by statement-level triggers, so the
-- unfiltered directory (its first page, the landing page's showcase) reads about 60 counters instead of
-- counting every published profile on each search: at 100,000 workshops that count was most of a 500 ms query.
-- One row per facet value ('capabilities', 'metals', 'gemstone_work', 'certifications', 'countries') and one
-- ('total', '') for the number of published profiles. Public data (counts of published profiles only); the app
-- role may read it, only the trigger functions (SECURITY DEFINER) write it.
-- Each statement that changes profiles applies its net change in one upsert, in key order, so concurrent
-- changes wait for each other on the counters they share, in the same order.
CREATE TABLE IF NOT EXISTS directory_facet_counts (
  facet text NOT NULL,
  value text NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (facet, value)
);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON directory_facet_counts FROM bezel_app;
--> statement-breakpoint
GRANT SELECT ON directory_facet_counts TO bezel_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_facet_counts_update() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO directory_facet_counts AS c (facet, value, count)
  SELECT v.facet, v.value, sum(d.sign)::int
  FROM (
    SELECT 1 AS sign, n.capabilities, n.metals, n.gemstone_work, n.certifications, n.country
      FROM new_rows n WHERE n.published_at IS NOT NULL
    UNION ALL
    SELECT -1, o.capabilities, o.metals, o.gemstone_work, o.certifications, o.country
      FROM old_rows o WHERE o.published_at IS NOT NULL
  ) d
  CROSS JOIN LATERAL (
    SELECT 'total' AS facet, '' AS value
    UNION ALL SELECT 'capabilities', x FROM unnest(d.capabilities) x
    UNION ALL SELECT 'metals', x FROM unnest(d.metals) x
    UNION ALL SELECT 'gemstone_work', x FROM unnest(d.gemstone_work) x
    UNION ALL SELECT 'certifications', x FROM unnest(d.certifications) x
    UNION ALL SELECT 'countries', d.country WHERE coalesce(d.country, '') <> ''
  ) v
  GROUP BY v.facet, v.value
  HAVING sum(d.sign) <> 0
  ORDER BY v.facet, v.value
  ON CONFLICT (facet, value) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_facet_counts_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO directory_facet_counts AS c (facet, value, count)
  SELECT v.facet, v.value, count(*)::int
  FROM new_rows d
  CROSS JOIN LATERAL (
    SELECT 'total' AS facet, '' AS value
    UNION ALL SELECT 'capabilities', x FROM unnest(d.capabilities) x
    UNION ALL SELECT 'metals', x FROM unnest(d.metals) x
    UNION ALL SELECT 'gemstone_work', x FROM unnest(d.gemstone_work) x
    UNION ALL SELECT 'certifications', x FROM unnest(d.certifications) x
    UNION ALL SELECT 'countries', d.country WHERE coalesce(d.country, '') <> ''
  ) v
  WHERE d.published_at IS NOT NULL
  GROUP BY v.facet, v.value
  ORDER BY v.facet, v.value
  ON CONFLICT (facet, value) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_facet_counts_delete() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO directory_facet_counts AS c (facet, value, count)
  SELECT v.facet, v.value, -count(*)::int
  FROM old_rows d
  CROSS JOIN LATERAL (
    SELECT 'total' AS facet, '' AS value
    UNION ALL SELECT 'capabilities', x FROM unnest(d.capabilities) x
    UNION ALL SELECT 'metals', x FROM unnest(d.metals) x
    UNION ALL SELECT 'gemstone_work', x FROM unnest(d.gemstone_work) x
    UNION ALL SELECT 'certifications', x FROM unnest(d.certifications) x
    UNION ALL SELECT 'countries', d.country WHERE coalesce(d.country, '') <> ''
  ) v
  WHERE d.published_at IS NOT NULL
  GROUP BY v.facet, v.value
  ORDER BY v.facet, v.value
  ON CONFLICT (facet, value) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER workshop_profiles_facet_counts_insert AFTER INSERT ON workshop_profiles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_facet_counts_insert();
--> statement-breakpoint
CREATE TRIGGER workshop_profiles_facet_counts_update AFTER UPDATE ON workshop_profiles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_facet_counts_update();
--> statement-breakpoint
CREATE TRIGGER workshop_profiles_facet_counts_delete AFTER DELETE ON workshop_profiles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_facet_counts_delete();
--> statement-breakpoint
-- The profiles published before this migration. A value whose count falls to 0 keeps its row (count 0).
INSERT INTO directory_facet_counts (facet, value, count)
SELECT v.facet, v.value, count(*)::int
FROM workshop_profiles d
CROSS JOIN LATERAL (
  SELECT 'total' AS facet, '' AS value
  UNION ALL SELECT 'capabilities', x FROM unnest(d.capabilities) x
  UNION ALL SELECT 'metals', x FROM unnest(d.metals) x
  UNION ALL SELECT 'gemstone_work', x FROM unnest(d.gemstone_work) x
  UNION ALL SELECT 'certifications', x FROM unnest(d.certifications) x
  UNION ALL SELECT 'countries', d.country WHERE coalesce(d.country, '') <> ''
) v
WHERE d.published_at IS NOT NULL
GROUP BY v.facet, v.value
ON CONFLICT (facet, value) DO UPDATE SET count = excluded.count;
--> statement-breakpoint
-- The unfiltered directory's pages in its two range sorts, read in order instead of sorting every profile.
CREATE INDEX IF NOT EXISTS workshop_profiles_published_lead_time_idx ON workshop_profiles (lead_time_max_days, lead_time_min_days, org_id) WHERE published_at IS NOT NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS workshop_profiles_published_moq_idx ON workshop_profiles (moq_per_design, lead_time_max_days, org_id) WHERE published_at IS NOT NULL;
