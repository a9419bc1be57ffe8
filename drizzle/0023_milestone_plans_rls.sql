-- Milestone plans under row-level security. A plan template is its workshop's own. An order's plan, its
-- milestones, their updates and photos are visible to exactly the order's two parties; each party writes
-- as itself, and the parties of a row never change.
ALTER TABLE plan_template_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_template_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_template_steps_own ON plan_template_steps FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE order_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_milestones ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_milestones FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_milestone_updates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_milestone_updates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_milestone_photos ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_milestone_photos FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The plan is the workshop's (it is written as the workshop inside the accept transaction); both parties
-- read it and both move it (the workshop its milestones and shipping, the brand its approvals).
CREATE POLICY order_plans_parties ON order_plans FOR SELECT TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY order_plans_workshop_creates ON order_plans FOR INSERT TO bezel_app
  WITH CHECK (workshop_org_id = app_org_id() AND EXISTS (SELECT 1 FROM orders o WHERE o.id = order_plans.order_id AND o.brand_org_id = order_plans.brand_org_id AND o.workshop_org_id = order_plans.workshop_org_id));
--> statement-breakpoint
CREATE POLICY order_plans_parties_update ON order_plans FOR UPDATE TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id)) WITH CHECK (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY order_milestones_parties ON order_milestones FOR SELECT TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY order_milestones_workshop_creates ON order_milestones FOR INSERT TO bezel_app
  WITH CHECK (workshop_org_id = app_org_id() AND EXISTS (SELECT 1 FROM order_plans p WHERE p.order_id = order_milestones.order_id AND p.brand_org_id = order_milestones.brand_org_id AND p.workshop_org_id = order_milestones.workshop_org_id));
--> statement-breakpoint
CREATE POLICY order_milestones_parties_update ON order_milestones FOR UPDATE TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id)) WITH CHECK (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY order_milestone_updates_parties ON order_milestone_updates FOR SELECT TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY order_milestone_updates_party_writes ON order_milestone_updates FOR INSERT TO bezel_app
  WITH CHECK (author_org_id = app_org_id() AND app_org_id() IN (brand_org_id, workshop_org_id) AND EXISTS (
    SELECT 1 FROM order_milestones m WHERE m.id = order_milestone_updates.milestone_id AND m.order_id = order_milestone_updates.order_id
      AND m.brand_org_id = order_milestone_updates.brand_org_id AND m.workshop_org_id = order_milestone_updates.workshop_org_id
  ));
--> statement-breakpoint
CREATE POLICY order_milestone_photos_own ON order_milestone_photos FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY order_milestone_photos_parties ON order_milestone_photos FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM order_milestone_updates u WHERE u.id = order_milestone_photos.update_id));
--> statement-breakpoint
-- A milestone photo: readable by both parties of the order its update belongs to.
CREATE POLICY files_milestone_photo_shared ON files FOR SELECT TO bezel_app
  USING (purpose::text = 'milestone_photo' AND EXISTS (
    SELECT 1 FROM order_milestone_photos a JOIN order_milestone_updates u ON u.id = a.update_id
    WHERE a.file_id = files.id AND a.org_id = files.org_id AND u.author_org_id = files.org_id
  ));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION order_parties_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.brand_org_id <> OLD.brand_org_id OR NEW.workshop_org_id <> OLD.workshop_org_id OR NEW.order_id <> OLD.order_id THEN
    RAISE EXCEPTION 'the parties of % cannot change', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER order_plans_parties_fixed BEFORE UPDATE ON order_plans
  FOR EACH ROW EXECUTE FUNCTION order_parties_fixed();
--> statement-breakpoint
CREATE TRIGGER order_milestones_parties_fixed BEFORE UPDATE ON order_milestones
  FOR EACH ROW EXECUTE FUNCTION order_parties_fixed();
