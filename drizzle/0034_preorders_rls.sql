-- Preorder campaigns under row-level security. A campaign is its brand's; the workshop it names reads it
-- (once published, or once asked for its artisans' consent) and may change only its consent; everyone reads
-- a campaign that is not a draft (its public page). Sizes, images and page views are visible with their
-- campaign. Reservations (customers' names and emails) are the brand's alone: no policy lets the workshop
-- or the public read them; a customer reaches their own through the security-definer lookups at the end,
-- which answer ids only.
ALTER TABLE preorder_campaigns ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE preorder_campaigns FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE preorder_campaign_sizes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE preorder_campaign_sizes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE preorder_campaign_images ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE preorder_campaign_images FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE preorder_reservations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE preorder_reservations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE preorder_page_views ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE preorder_page_views FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY preorder_campaigns_brand ON preorder_campaigns FOR ALL TO bezel_app
  USING (brand_org_id = app_org_id())
  WITH CHECK (
    brand_org_id = app_org_id()
    AND EXISTS (SELECT 1 FROM design_revisions r WHERE r.id = preorder_campaigns.design_revision_id AND r.design_id = preorder_campaigns.design_id AND r.org_id = preorder_campaigns.brand_org_id AND r.status = 'approved')
    AND (order_id IS NULL OR EXISTS (SELECT 1 FROM orders o WHERE o.id = preorder_campaigns.order_id AND o.brand_org_id = preorder_campaigns.brand_org_id))
    AND (rfq_id IS NULL OR EXISTS (SELECT 1 FROM rfqs q WHERE q.id = preorder_campaigns.rfq_id AND q.brand_org_id = preorder_campaigns.brand_org_id))
    AND (quote_version_id IS NULL OR EXISTS (SELECT 1 FROM quote_versions v WHERE v.id = preorder_campaigns.quote_version_id AND v.brand_org_id = preorder_campaigns.brand_org_id))
  );
--> statement-breakpoint
CREATE POLICY preorder_campaigns_workshop_reads ON preorder_campaigns FOR SELECT TO bezel_app
  USING (workshop_org_id = app_org_id() AND (status <> 'draft' OR artisans_consent <> 'not_requested'));
--> statement-breakpoint
CREATE POLICY preorder_campaigns_workshop_consents ON preorder_campaigns FOR UPDATE TO bezel_app
  USING (workshop_org_id = app_org_id() AND artisans_consent <> 'not_requested')
  WITH CHECK (workshop_org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY preorder_campaigns_published ON preorder_campaigns FOR SELECT TO bezel_app
  USING (app_org_id() IS NULL AND status <> 'draft');
--> statement-breakpoint
-- What a campaign is never changes under anyone but the owner: its brand always; once published, what
-- customers reserved (the revision, the price, the currency, what is paid upfront). The workshop (not the
-- brand) changes only its consent.
CREATE OR REPLACE FUNCTION preorder_campaigns_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> 'bezel_app' THEN
    RETURN NEW;
  END IF;
  IF NEW.brand_org_id <> OLD.brand_org_id THEN
    RAISE EXCEPTION 'a campaign''s brand cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status <> 'draft' AND (NEW.design_id <> OLD.design_id OR NEW.design_revision_id <> OLD.design_revision_id
     OR NEW.currency <> OLD.currency OR NEW.retail_price_minor <> OLD.retail_price_minor
     OR NEW.payment_mode <> OLD.payment_mode OR NEW.deposit_percent <> OLD.deposit_percent) THEN
    RAISE EXCEPTION 'a published campaign''s design, price and payment cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF app_org_id() IS DISTINCT FROM OLD.brand_org_id
     AND (to_jsonb(NEW) - 'artisans_consent' - 'artisans_consent_at' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'artisans_consent' - 'artisans_consent_at' - 'updated_at') THEN
    RAISE EXCEPTION 'the workshop changes only its consent' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER preorder_campaigns_fixed BEFORE UPDATE ON preorder_campaigns FOR EACH ROW EXECUTE FUNCTION preorder_campaigns_fixed();
--> statement-breakpoint
CREATE POLICY preorder_campaign_sizes_with_campaign ON preorder_campaign_sizes FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM preorder_campaigns c WHERE c.id = preorder_campaign_sizes.campaign_id));
--> statement-breakpoint
CREATE POLICY preorder_campaign_sizes_brand ON preorder_campaign_sizes FOR ALL TO bezel_app
  USING (brand_org_id = app_org_id())
  WITH CHECK (brand_org_id = app_org_id() AND EXISTS (SELECT 1 FROM preorder_campaigns c WHERE c.id = preorder_campaign_sizes.campaign_id AND c.brand_org_id = preorder_campaign_sizes.brand_org_id));
--> statement-breakpoint
CREATE POLICY preorder_campaign_images_with_campaign ON preorder_campaign_images FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM preorder_campaigns c WHERE c.id = preorder_campaign_images.campaign_id));
--> statement-breakpoint
-- The brand shows its own files (uploaded for the campaign, or copied from the design's sketches or from a
-- photo of its linked order's milestones, which `milestone_photo_file_id` then names).
CREATE POLICY preorder_campaign_images_brand_adds ON preorder_campaign_images FOR INSERT TO bezel_app
  WITH CHECK (
    org_id = app_org_id()
    AND EXISTS (SELECT 1 FROM preorder_campaigns c WHERE c.id = preorder_campaign_images.campaign_id AND c.brand_org_id = preorder_campaign_images.org_id)
    AND EXISTS (SELECT 1 FROM files f WHERE f.id = preorder_campaign_images.file_id AND f.org_id = preorder_campaign_images.org_id)
    AND (kind = 'progress') = (milestone_photo_file_id IS NOT NULL)
    AND (milestone_photo_file_id IS NULL OR EXISTS (
      SELECT 1 FROM order_milestone_photos p
      JOIN order_milestone_updates u ON u.id = p.update_id
      JOIN preorder_campaigns c ON c.id = preorder_campaign_images.campaign_id
      WHERE p.file_id = preorder_campaign_images.milestone_photo_file_id AND u.order_id = c.order_id AND u.brand_org_id = c.brand_org_id))
  );
--> statement-breakpoint
CREATE POLICY preorder_campaign_images_brand_changes ON preorder_campaign_images FOR UPDATE TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY preorder_campaign_images_brand_removes ON preorder_campaign_images FOR DELETE TO bezel_app
  USING (org_id = app_org_id());
--> statement-breakpoint
CREATE OR REPLACE FUNCTION preorder_campaign_images_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'bezel_app' AND (NEW.file_id <> OLD.file_id OR NEW.campaign_id <> OLD.campaign_id OR NEW.org_id <> OLD.org_id
     OR NEW.kind <> OLD.kind OR NEW.milestone_photo_file_id IS DISTINCT FROM OLD.milestone_photo_file_id) THEN
    RAISE EXCEPTION 'a campaign image changes only its caption and place' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER preorder_campaign_images_fixed BEFORE UPDATE ON preorder_campaign_images FOR EACH ROW EXECUTE FUNCTION preorder_campaign_images_fixed();
--> statement-breakpoint
-- A file shown on a campaign is visible wherever the campaign is (its brand, its workshop, the public page).
CREATE POLICY files_preorder_shown ON files FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM preorder_campaign_images i WHERE i.file_id = files.id));
--> statement-breakpoint
CREATE POLICY preorder_reservations_brand ON preorder_reservations FOR ALL TO bezel_app
  USING (brand_org_id = app_org_id())
  WITH CHECK (brand_org_id = app_org_id() AND EXISTS (SELECT 1 FROM preorder_campaigns c WHERE c.id = preorder_reservations.campaign_id AND c.brand_org_id = preorder_reservations.brand_org_id));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION preorder_reservations_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'bezel_app' AND (NEW.campaign_id <> OLD.campaign_id OR NEW.brand_org_id <> OLD.brand_org_id
     OR NEW.size <> OLD.size OR NEW.quantity <> OLD.quantity OR NEW.unit_price_minor <> OLD.unit_price_minor
     OR NEW.currency <> OLD.currency OR NEW.total_minor <> OLD.total_minor OR NEW.amount_due_minor <> OLD.amount_due_minor
     OR NEW.token_hash <> OLD.token_hash OR NEW.reference <> OLD.reference) THEN
    RAISE EXCEPTION 'what was reserved, at what price, cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER preorder_reservations_fixed BEFORE UPDATE ON preorder_reservations FOR EACH ROW EXECUTE FUNCTION preorder_reservations_fixed();
--> statement-breakpoint
CREATE POLICY preorder_page_views_brand ON preorder_page_views FOR SELECT TO bezel_app
  USING (brand_org_id = app_org_id());
--> statement-breakpoint
-- Public lookups, as the owner, answering ids only. The reservation a link's token names (the SHA-256 of
-- the secret in the link), and its brand:
CREATE OR REPLACE FUNCTION preorder_reservation_by_token(p_token_hash text) RETURNS TABLE (reservation_id uuid, brand_org_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT r.id, r.brand_org_id FROM preorder_reservations r WHERE r.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- The brand a Stripe event about a reservation is for: by the reservation named in its metadata, or by the
-- Checkout Session or PaymentIntent of its deposit or balance.
CREATE OR REPLACE FUNCTION preorder_stripe_brand(p_reservation uuid, p_session text, p_intent text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(
    (SELECT brand_org_id FROM preorder_reservations WHERE id = p_reservation),
    (SELECT brand_org_id FROM preorder_reservations WHERE p_session IS NOT NULL AND (stripe_checkout_session_id = p_session OR balance_checkout_session_id = p_session)),
    (SELECT brand_org_id FROM preorder_reservations WHERE p_intent IS NOT NULL AND (stripe_payment_intent_id = p_intent OR balance_payment_intent_id = p_intent))
  )
$$;
--> statement-breakpoint
-- One more view of a published campaign's page today (UTC). Nothing else can be written this way.
CREATE OR REPLACE FUNCTION preorder_page_viewed(p_campaign uuid) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO preorder_page_views (campaign_id, brand_org_id, day, views)
  SELECT c.id, c.brand_org_id, (now() AT TIME ZONE 'UTC')::date, 1 FROM preorder_campaigns c WHERE c.id = p_campaign AND c.status = 'published'
  ON CONFLICT (campaign_id, day) DO UPDATE SET views = preorder_page_views.views + 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION preorder_reservation_by_token(text), preorder_stripe_brand(uuid, text, text), preorder_page_viewed(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION preorder_reservation_by_token(text), preorder_stripe_brand(uuid, text, text), preorder_page_viewed(uuid) TO bezel_app;
--> statement-breakpoint
-- The public page names its brand: a brand with a campaign visible here (published, for the public; the
-- campaigns a workshop is named in, for that workshop) is readable by name and address.
CREATE POLICY organizations_preorder_brand ON organizations FOR SELECT TO bezel_app
  USING (kind = 'brand' AND EXISTS (SELECT 1 FROM preorder_campaigns c WHERE c.brand_org_id = organizations.id));
