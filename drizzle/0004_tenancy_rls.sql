-- Row-level security: PostgreSQL itself keeps each organization's rows to that organization.
--
-- Tenant work runs as the non-owner role `bezel_app` (owners and superusers bypass RLS), with the
-- organization in `app.org_id` and, for the few reads that belong to a person rather than an organization
-- (their memberships), the user in `app.user_id`; both are set per transaction by `withOrg` / `withUser`.
-- With neither set, `bezel_app` sees only what is public: published workshop profiles, their artisans,
-- portfolio pieces and the photos those show. The migrator and the seed run as the owner.
--
-- Written to run on a second database of the same cluster: roles are cluster-wide, so creating one that
-- another database already made is not an error.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bezel_app') THEN
    CREATE ROLE bezel_app NOLOGIN NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  -- Another database of the cluster created it at the same moment.
  NULL;
END
$$;
--> statement-breakpoint
-- The connecting user must be allowed to switch to the role (a superuser always is).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'bezel_app', 'MEMBER') THEN
    EXECUTE format('GRANT bezel_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO bezel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO bezel_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bezel_app;
--> statement-breakpoint
-- Tables created by later migrations get the same grants; each still needs its own policies.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bezel_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO bezel_app;
--> statement-breakpoint
-- An unset setting reads as '' (not NULL) once any transaction has set it: nullif makes both mean "none".
CREATE OR REPLACE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('app.org_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;
--> statement-breakpoint
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workshop_profiles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workshop_profiles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workshop_artisans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workshop_artisans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE portfolio_pieces ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE portfolio_pieces FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE shortlist_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE shortlist_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sample_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sample_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sample_request_updates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sample_request_updates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sample_evaluations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sample_evaluations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- One organization's own rows ------------------------------------------------------------------------
CREATE POLICY organizations_own ON organizations FOR ALL TO bezel_app
  USING (id = app_org_id()) WITH CHECK (id = app_org_id());
--> statement-breakpoint
CREATE POLICY memberships_own ON memberships FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY invitations_own ON invitations FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY events_own ON events FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY notifications_own ON notifications FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY files_own ON files FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY workshop_profiles_own ON workshop_profiles FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY workshop_artisans_own ON workshop_artisans FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY portfolio_pieces_own ON portfolio_pieces FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- A brand's private rows: its shortlist and its evaluations of samples; the workshop never sees them.
CREATE POLICY shortlist_entries_brand ON shortlist_entries FOR ALL TO bezel_app
  USING (brand_org_id = app_org_id()) WITH CHECK (brand_org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY sample_evaluations_brand ON sample_evaluations FOR ALL TO bezel_app
  USING (brand_org_id = app_org_id()) WITH CHECK (brand_org_id = app_org_id());
--> statement-breakpoint
-- A person's own memberships, and the organizations they belong to (the organization switcher). ------
CREATE POLICY memberships_of_user ON memberships FOR SELECT TO bezel_app
  USING (user_id = app_user_id());
--> statement-breakpoint
CREATE POLICY organizations_of_user ON organizations FOR SELECT TO bezel_app
  USING (id IN (SELECT m.org_id FROM memberships m WHERE m.user_id = app_user_id()));
--> statement-breakpoint
-- Shared by two organizations: a sample request and its timeline, visible to exactly its two parties. ---
CREATE POLICY sample_requests_parties ON sample_requests FOR SELECT TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY sample_requests_brand_creates ON sample_requests FOR INSERT TO bezel_app
  WITH CHECK (brand_org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY sample_requests_parties_update ON sample_requests FOR UPDATE TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id)) WITH CHECK (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
-- The subquery reads sample_requests under its own policy, so only the caller's requests count.
CREATE POLICY sample_request_updates_parties ON sample_request_updates FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM sample_requests sr WHERE sr.id = sample_request_updates.sample_request_id));
--> statement-breakpoint
CREATE POLICY sample_request_updates_party_writes ON sample_request_updates FOR INSERT TO bezel_app
  WITH CHECK (actor_org_id = app_org_id() AND EXISTS (SELECT 1 FROM sample_requests sr WHERE sr.id = sample_request_updates.sample_request_id));
--> statement-breakpoint
-- The other party's name and address on a shared request.
CREATE POLICY organizations_counterparty ON organizations FOR SELECT TO bezel_app
  USING (EXISTS (
    SELECT 1 FROM sample_requests sr
    WHERE (sr.brand_org_id = organizations.id AND sr.workshop_org_id = app_org_id())
       OR (sr.workshop_org_id = organizations.id AND sr.brand_org_id = app_org_id())
  ));
--> statement-breakpoint
-- A workshop a brand saved keeps its name on the brand's shortlist after it unpublishes.
CREATE POLICY organizations_shortlisted ON organizations FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM shortlist_entries se WHERE se.workshop_org_id = organizations.id AND se.brand_org_id = app_org_id()));
--> statement-breakpoint
-- An attachment of a shared request, for both parties, when it belongs to one of them.
CREATE POLICY files_sample_request_parties ON files FOR SELECT TO bezel_app
  USING (purpose = 'sample_request_attachment' AND EXISTS (
    SELECT 1 FROM sample_requests sr
    WHERE files.id = ANY (sr.attachment_file_ids) AND files.org_id IN (sr.brand_org_id, sr.workshop_org_id)
  ));
--> statement-breakpoint
-- Public: what a published workshop profile shows, to everyone (signed out too). Reads only. ------------
CREATE POLICY workshop_profiles_published ON workshop_profiles FOR SELECT TO bezel_app
  USING (published_at IS NOT NULL);
--> statement-breakpoint
CREATE POLICY organizations_published_workshop ON organizations FOR SELECT TO bezel_app
  USING (kind = 'workshop' AND EXISTS (SELECT 1 FROM workshop_profiles wp WHERE wp.org_id = organizations.id AND wp.published_at IS NOT NULL));
--> statement-breakpoint
CREATE POLICY workshop_artisans_published ON workshop_artisans FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM workshop_profiles wp WHERE wp.org_id = workshop_artisans.org_id AND wp.published_at IS NOT NULL));
--> statement-breakpoint
CREATE POLICY portfolio_pieces_published ON portfolio_pieces FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM workshop_profiles wp WHERE wp.org_id = portfolio_pieces.org_id AND wp.published_at IS NOT NULL));
--> statement-breakpoint
-- A photo is public only while a published profile shows it on an artisan or a portfolio piece.
CREATE POLICY files_published_photo ON files FOR SELECT TO bezel_app
  USING (
    purpose IN ('artisan_photo', 'portfolio_photo')
    AND EXISTS (SELECT 1 FROM workshop_profiles wp WHERE wp.org_id = files.org_id AND wp.published_at IS NOT NULL)
    AND (
      EXISTS (SELECT 1 FROM workshop_artisans a WHERE a.org_id = files.org_id AND a.photo_file_id = files.id)
      OR EXISTS (SELECT 1 FROM portfolio_pieces p WHERE p.org_id = files.org_id AND files.id = ANY (p.photo_file_ids))
    )
  );
--> statement-breakpoint
-- Narrow doors across organizations, as the owner: each answers one question and returns no row data. ----
-- Whether an organization address is taken by anyone (a new organization must not reuse it).
CREATE OR REPLACE FUNCTION organization_slug_taken(candidate text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM organizations WHERE slug = candidate)
$$;
--> statement-breakpoint
-- The organization an invitation belongs to, from the hash of the token its link carries.
CREATE OR REPLACE FUNCTION invitation_org_id(token_hash_in text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT org_id FROM invitations WHERE token_hash = token_hash_in
$$;
--> statement-breakpoint
-- A workshop's public record from sample requests across all brands: counts and a median, no rows.
CREATE OR REPLACE FUNCTION workshop_record_stats(workshop_ids uuid[])
  RETURNS TABLE (workshop_org_id uuid, responses bigint, median_response_seconds double precision, samples_sent bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT sr.workshop_org_id,
         count(sr.responded_at),
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sr.responded_at - sr.created_at)),
         count(sr.shipped_at)
  FROM sample_requests sr
  WHERE sr.workshop_org_id = ANY (workshop_ids)
  GROUP BY sr.workshop_org_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION organization_slug_taken(text), invitation_org_id(text), workshop_record_stats(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION organization_slug_taken(text), invitation_org_id(text), workshop_record_stats(uuid[]) TO bezel_app;
