-- The directory's facet counts for a search with exactly one facet value and nothing else (one capability,
-- one metal, one certification, one kind of gemstone work or one country): for every pair of facet values,
-- how many published profiles have both. With one value ticked, every other value's count is its pair's,
-- so that search reads about 60 counters instead of counting the values of every match (at 100,000
-- workshops, 30,000 profiles can have one capability). Kept true by the same statement-level triggers as
-- directory_facet_counts (drizzle/0020_directory_facet_counts.sql), beside them.
-- Trade-off: each published profile with k facet values adds k·(k−1) increments to each write that changes
-- it (about 130 for a typical profile), and the table holds up to a few thousand rows. A pair (a, b) is kept
-- both ways round, so a search reads one key prefix. Public data (counts of published profiles only).
CREATE TABLE IF NOT EXISTS directory_facet_pair_counts (
  facet text NOT NULL,
  value text NOT NULL,
  facet2 text NOT NULL,
  value2 text NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (facet, value, facet2, value2)
);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON directory_facet_pair_counts FROM bezel_app;
--> statement-breakpoint
GRANT SELECT ON directory_facet_pair_counts TO bezel_app;
--> statement-breakpoint
-- A profile's facet values, as (facet, value) rows; the names match directory_facet_counts.
CREATE OR REPLACE FUNCTION directory_facet_values(capabilities text[], metals text[], gemstone_work text[], certifications text[], country text)
  RETURNS TABLE (facet text, value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'capabilities', x FROM unnest(capabilities) x
  UNION ALL SELECT 'metals', x FROM unnest(metals) x
  UNION ALL SELECT 'gemstone_work', x FROM unnest(gemstone_work) x
  UNION ALL SELECT 'certifications', x FROM unnest(certifications) x
  UNION ALL SELECT 'countries', country WHERE coalesce(country, '') <> ''
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_facet_pair_counts_update() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO directory_facet_pair_counts AS c (facet, value, facet2, value2, count)
  SELECT a.facet, a.value, b.facet, b.value, sum(d.sign)::int
  FROM (
    SELECT 1 AS sign, n.capabilities, n.metals, n.gemstone_work, n.certifications, n.country
      FROM new_rows n WHERE n.published_at IS NOT NULL
    UNION ALL
    SELECT -1, o.capabilities, o.metals, o.gemstone_work, o.certifications, o.country
      FROM old_rows o WHERE o.published_at IS NOT NULL
  ) d
  CROSS JOIN LATERAL directory_facet_values(d.capabilities, d.metals, d.gemstone_work, d.certifications, d.country) a
  CROSS JOIN LATERAL directory_facet_values(d.capabilities, d.metals, d.gemstone_work, d.certifications, d.country) b
  WHERE (a.facet, a.value) <> (b.facet, b.value)
  GROUP BY a.facet, a.value, b.facet, b.value
  HAVING sum(d.sign) <> 0
  ORDER BY a.facet, a.value, b.facet, b.value
  ON CONFLICT (facet, value, facet2, value2) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_facet_pair_counts_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO directory_facet_pair_counts AS c (facet, value, facet2, value2, count)
  SELECT a.facet, a.value, b.facet, b.value, count(*)::int
  FROM new_rows d
  CROSS JOIN LATERAL directory_facet_values(d.capabilities, d.metals, d.gemstone_work, d.certifications, d.country) a
  CROSS JOIN LATERAL directory_facet_values(d.capabilities, d.metals, d.gemstone_work, d.certifications, d.country) b
  WHERE d.published_at IS NOT NULL AND (a.facet, a.value) <> (b.facet, b.value)
  GROUP BY a.facet, a.value, b.facet, b.value
  ORDER BY a.facet, a.value, b.facet, b.value
  ON CONFLICT (facet, value, facet2, value2) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_facet_pair_counts_delete() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO directory_facet_pair_counts AS c (facet, value, facet2, value2, count)
  SELECT a.facet, a.value, b.facet, b.value, -count(*)::int
  FROM old_rows d
  CROSS JOIN LATERAL directory_facet_values(d.capabilities, d.metals, d.gemstone_work, d.certifications, d.country) a
  CROSS JOIN LATERAL directory_facet_values(d.capabilities, d.metals, d.gemstone_work, d.certifications, d.country) b
  WHERE d.published_at IS NOT NULL AND (a.facet, a.value) <> (b.facet, b.value)
  GROUP BY a.facet, a.value, b.facet, b.value
  ORDER BY a.facet, a.value, b.facet, b.value
  ON CONFLICT (facet, value, facet2, value2) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER workshop_profiles_facet_pair_counts_insert AFTER INSERT ON workshop_profiles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_facet_pair_counts_insert();
--> statement-breakpoint
CREATE TRIGGER workshop_profiles_facet_pair_counts_update AFTER UPDATE ON workshop_profiles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_facet_pair_counts_update();
--> statement-breakpoint
CREATE TRIGGER workshop_profiles_facet_pair_counts_delete AFTER DELETE ON workshop_profiles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_facet_pair_counts_delete();
--> statement-breakpoint
-- The profiles published before this migration. A pair whose count falls to 0 keeps its row (count 0).
INSERT INTO directory_facet_pair_counts (facet, value, facet2, value2, count)
SELECT a.facet, a.value, b.facet, b.value, count(*)::int
FROM workshop_profiles d
CROSS JOIN LATERAL directory_facet_values(d.capabilities, d.metals, d.gemstone_work, d.certifications, d.country) a
CROSS JOIN LATERAL directory_facet_values(d.capabilities, d.metals, d.gemstone_work, d.certifications, d.country) b
WHERE d.published_at IS NOT NULL AND (a.facet, a.value) <> (b.facet, b.value)
GROUP BY a.facet, a.value, b.facet, b.value
ON CONFLICT (facet, value, facet2, value2) DO UPDATE SET count = excluded.count;
