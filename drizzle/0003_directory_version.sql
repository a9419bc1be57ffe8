-- A counter that changes whenever anything the public directory shows changes, so app instances can cache
-- search results and still never serve a stale one: the cache key includes the current version.
-- The bump runs at commit (deferred constraint trigger): the version row is locked last, after every other
-- row the transaction touches, so bumps cannot deadlock with each other, and readers see the new version
-- only together with the data that caused it.
CREATE TABLE IF NOT EXISTS "directory_version" (
  "id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
  "version" bigint NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO "directory_version" ("id", "version") VALUES (true, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_directory_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE directory_version SET version = version + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER workshop_profiles_directory_version AFTER INSERT OR UPDATE OR DELETE ON workshop_profiles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_directory_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER portfolio_pieces_directory_version AFTER INSERT OR UPDATE OR DELETE ON portfolio_pieces
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_directory_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organizations_directory_version AFTER INSERT OR UPDATE OR DELETE ON organizations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_directory_version();
