-- Collections, designs and their revisions under row-level security; an approved revision frozen by the
-- database; and the one rule by which a workshop sees a brand's design (a share of an approved revision).
--
-- Enum values added by the previous migration (file purposes) are compared as text here: the migrations
-- run in one transaction, where a value added to an enum cannot yet be used as one.
ALTER TABLE collections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE collections FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE collection_style_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE collection_style_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE designs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE designs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE design_revisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE design_revisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE design_revision_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE design_revision_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE design_revision_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE design_revision_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE design_revision_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE design_revision_shares FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The sharing rule, in one place: `org` (a workshop) may see revision `rev` only while a share of it to
-- that workshop exists and the revision is approved. A draft is never shown, shared or not. As the owner,
-- so the answer does not depend on what the caller may already see. Every policy below that lets a
-- workshop see a design, a revision, a file or a style guide asks this function.
CREATE OR REPLACE FUNCTION design_revision_shared_with(rev uuid, org uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT org IS NOT NULL AND EXISTS (
    SELECT 1 FROM design_revision_shares s JOIN design_revisions r ON r.id = s.revision_id
    WHERE s.revision_id = rev AND s.workshop_org_id = org AND r.org_id = s.brand_org_id AND r.status = 'approved'
  )
$$;
--> statement-breakpoint
-- The brand's own rows.
CREATE POLICY collections_own ON collections FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY collection_style_files_own ON collection_style_files FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY designs_own ON designs FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY design_revisions_own ON design_revisions FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY design_revision_attachments_own ON design_revision_attachments FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- Comments are among the brand's members only: no workshop ever reads them.
CREATE POLICY design_revision_comments_own ON design_revision_comments FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- Shares: the brand writes them; the workshop reads its own.
CREATE POLICY design_revision_shares_brand ON design_revision_shares FOR ALL TO bezel_app
  USING (brand_org_id = app_org_id()) WITH CHECK (brand_org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY design_revision_shares_workshop ON design_revision_shares FOR SELECT TO bezel_app
  USING (workshop_org_id = app_org_id());
--> statement-breakpoint
-- What a workshop sees through a share, read-only: the revision, its attachment rows, its design, the
-- design's collection and the collection's style-guide files.
CREATE POLICY design_revisions_shared ON design_revisions FOR SELECT TO bezel_app
  USING (design_revision_shared_with(id, app_org_id()));
--> statement-breakpoint
CREATE POLICY design_revision_attachments_shared ON design_revision_attachments FOR SELECT TO bezel_app
  USING (design_revision_shared_with(revision_id, app_org_id()));
--> statement-breakpoint
CREATE POLICY designs_shared ON designs FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM design_revisions r WHERE r.design_id = designs.id AND design_revision_shared_with(r.id, app_org_id())));
--> statement-breakpoint
CREATE POLICY collections_shared ON collections FOR SELECT TO bezel_app
  USING (EXISTS (
    SELECT 1 FROM designs d JOIN design_revisions r ON r.design_id = d.id
    WHERE d.collection_id = collections.id AND design_revision_shared_with(r.id, app_org_id())
  ));
--> statement-breakpoint
CREATE POLICY collection_style_files_shared ON collection_style_files FOR SELECT TO bezel_app
  USING (EXISTS (
    SELECT 1 FROM designs d JOIN design_revisions r ON r.design_id = d.id
    WHERE d.collection_id = collection_style_files.collection_id AND design_revision_shared_with(r.id, app_org_id())
  ));
--> statement-breakpoint
CREATE POLICY files_design_shared ON files FOR SELECT TO bezel_app
  USING (
    (purpose::text = 'design_attachment' AND EXISTS (
      SELECT 1 FROM design_revision_attachments a
      WHERE a.file_id = files.id AND a.org_id = files.org_id AND design_revision_shared_with(a.revision_id, app_org_id())
    ))
    OR (purpose::text = 'collection_style_file' AND EXISTS (
      SELECT 1 FROM collection_style_files c JOIN designs d ON d.collection_id = c.collection_id JOIN design_revisions r ON r.design_id = d.id
      WHERE c.file_id = files.id AND c.org_id = files.org_id AND design_revision_shared_with(r.id, app_org_id())
    ))
  );
--> statement-breakpoint
-- A share names an approved revision of the sharing brand and a workshop; anything else is refused.
CREATE OR REPLACE FUNCTION design_revision_shares_check() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  rev record;
BEGIN
  SELECT r.status, r.org_id INTO rev FROM design_revisions r WHERE r.id = NEW.revision_id;
  IF NOT FOUND OR rev.org_id <> NEW.brand_org_id THEN
    RAISE EXCEPTION 'design revision % is not a revision of the sharing brand', NEW.revision_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF rev.status <> 'approved' THEN
    RAISE EXCEPTION 'design revision % is a draft: only an approved revision is shared with a workshop', NEW.revision_id USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = NEW.workshop_org_id AND o.kind = 'workshop') THEN
    RAISE EXCEPTION 'a design revision is shared with workshops only' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER design_revision_shares_check BEFORE INSERT OR UPDATE ON design_revision_shares
  FOR EACH ROW EXECUTE FUNCTION design_revision_shares_check();
--> statement-breakpoint
-- An approved revision is frozen forever: no UPDATE (not even back to draft), no DELETE.
CREATE OR REPLACE FUNCTION design_revisions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' THEN
    RAISE EXCEPTION 'design revision % is approved and cannot be changed', OLD.number USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER design_revisions_frozen BEFORE UPDATE OR DELETE ON design_revisions
  FOR EACH ROW EXECUTE FUNCTION design_revisions_frozen();
--> statement-breakpoint
-- Its files too: no link added to, changed on or removed from an approved revision. As the owner, so the
-- revision's status is read whoever writes. A draft deleted with its links finds no revision: allowed.
CREATE OR REPLACE FUNCTION design_revision_attachments_frozen() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF (TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (SELECT 1 FROM design_revisions r WHERE r.id = OLD.revision_id AND r.status = 'approved'))
     OR (TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1 FROM design_revisions r WHERE r.id = NEW.revision_id AND r.status = 'approved')) THEN
    RAISE EXCEPTION 'the files of an approved design revision cannot be changed' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER design_revision_attachments_frozen BEFORE INSERT OR UPDATE OR DELETE ON design_revision_attachments
  FOR EACH ROW EXECUTE FUNCTION design_revision_attachments_frozen();
--> statement-breakpoint
-- A design's category is what its approved revisions were specified for: it cannot change after one.
CREATE OR REPLACE FUNCTION designs_category_frozen() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.category <> OLD.category AND EXISTS (SELECT 1 FROM design_revisions r WHERE r.design_id = OLD.id AND r.status = 'approved') THEN
    RAISE EXCEPTION 'the category of a design with an approved revision cannot change' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER designs_category_frozen BEFORE UPDATE OF category ON designs
  FOR EACH ROW EXECUTE FUNCTION designs_category_frozen();
