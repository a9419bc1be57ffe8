-- Old slugs of organizations (organization_slug_redirects) under row-level security, like every tenant table.
ALTER TABLE organization_slug_redirects ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organization_slug_redirects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The organization's own old slugs (written when it changes its slug, removed when it takes one back).
CREATE POLICY organization_slug_redirects_own ON organization_slug_redirects FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- A member following an old portal link: the old slugs of the organizations they belong to. Reads only.
CREATE POLICY organization_slug_redirects_of_user ON organization_slug_redirects FOR SELECT TO bezel_app
  USING (org_id IN (SELECT m.org_id FROM memberships m WHERE m.user_id = app_user_id()));
--> statement-breakpoint
-- Anyone following an old public profile link: the old slugs of published workshops only. Reads only.
CREATE POLICY organization_slug_redirects_published_workshop ON organization_slug_redirects FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM workshop_profiles wp WHERE wp.org_id = organization_slug_redirects.org_id AND wp.published_at IS NOT NULL));
--> statement-breakpoint
-- An old slug stays taken: another organization must not take over the links that still lead to the first.
CREATE OR REPLACE FUNCTION organization_slug_taken(candidate text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM organizations WHERE slug = candidate)
      OR EXISTS (SELECT 1 FROM organization_slug_redirects WHERE slug = candidate)
$$;
