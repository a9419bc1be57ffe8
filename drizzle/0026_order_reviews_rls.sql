-- Reviews under row-level security. A review is visible to its order's two parties; while published, and
-- while its workshop's profile is published, to everyone (the public profile shows it). Only the order's
-- brand writes it, once its order is delivered; only its workshop answers, once.
ALTER TABLE order_reviews ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_reviews FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY order_reviews_parties ON order_reviews FOR SELECT TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY order_reviews_published ON order_reviews FOR SELECT TO bezel_app
  USING (published_at IS NOT NULL AND EXISTS (SELECT 1 FROM workshop_profiles wp WHERE wp.org_id = order_reviews.workshop_org_id AND wp.published_at IS NOT NULL));
--> statement-breakpoint
CREATE POLICY order_reviews_brand_writes ON order_reviews FOR INSERT TO bezel_app
  WITH CHECK (brand_org_id = app_org_id() AND EXISTS (
    SELECT 1 FROM order_plans p WHERE p.order_id = order_reviews.order_id AND p.brand_org_id = order_reviews.brand_org_id
      AND p.workshop_org_id = order_reviews.workshop_org_id AND p.delivered_on IS NOT NULL
  ));
--> statement-breakpoint
CREATE POLICY order_reviews_workshop_answers ON order_reviews FOR UPDATE TO bezel_app
  USING (workshop_org_id = app_org_id()) WITH CHECK (workshop_org_id = app_org_id());
--> statement-breakpoint
-- What the brand wrote never changes, and an answer, once given, stays as given.
CREATE OR REPLACE FUNCTION order_review_answer_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.order_id <> OLD.order_id OR NEW.brand_org_id <> OLD.brand_org_id OR NEW.workshop_org_id <> OLD.workshop_org_id
     OR NEW.brand_name <> OLD.brand_name OR NEW.quality <> OLD.quality OR NEW.communication <> OLD.communication
     OR NEW.timeliness <> OLD.timeliness OR NEW.body <> OLD.body OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'a review cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.answer IS NOT NULL AND (NEW.answer IS DISTINCT FROM OLD.answer OR NEW.answered_at IS DISTINCT FROM OLD.answered_at) THEN
    RAISE EXCEPTION 'a review is answered once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER order_reviews_answer_once BEFORE UPDATE ON order_reviews
  FOR EACH ROW EXECUTE FUNCTION order_review_answer_once();
--> statement-breakpoint
-- A workshop's record from its orders across all brands: counts, a median and averages, no rows. Delivery
-- counts delivered orders that were not cancelled; an approval counts once the brand answered it (approved,
-- or asked for changes at least once); reviews count while published.
CREATE OR REPLACE FUNCTION workshop_order_record(workshop_ids uuid[])
  RETURNS TABLE (
    workshop_org_id uuid, delivered bigint, on_time bigint, late bigint, median_late_business_days double precision,
    approvals bigint, approvals_with_changes bigint, approval_orders bigint,
    reviews bigint, avg_quality double precision, avg_communication double precision, avg_timeliness double precision
  )
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH w AS (SELECT DISTINCT unnest(workshop_ids) AS id),
  d AS (
    SELECT p.workshop_org_id AS id,
           count(*) AS delivered,
           count(*) FILTER (WHERE p.delivered_on <= p.promised_delivery_date) AS on_time,
           count(*) FILTER (WHERE p.delivered_on > p.promised_delivery_date) AS late,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY p.late_business_days) FILTER (WHERE p.delivered_on > p.promised_delivery_date) AS median_late
    FROM order_plans p JOIN orders o ON o.id = p.order_id
    WHERE p.workshop_org_id IN (SELECT id FROM w) AND p.delivered_on IS NOT NULL AND o.status <> 'cancelled'
    GROUP BY p.workshop_org_id
  ),
  answered AS (
    SELECT m.workshop_org_id AS id, m.order_id,
           EXISTS (SELECT 1 FROM order_milestone_updates u WHERE u.milestone_id = m.id AND u.action = 'request_changes') AS changed
    FROM order_milestones m JOIN orders o ON o.id = m.order_id
    WHERE m.workshop_org_id IN (SELECT id FROM w) AND m.needs_approval AND o.status <> 'cancelled'
      AND (m.approval = 'approved' OR EXISTS (SELECT 1 FROM order_milestone_updates u WHERE u.milestone_id = m.id AND u.action = 'request_changes'))
  ),
  a AS (
    SELECT id, count(*) AS approvals, count(*) FILTER (WHERE changed) AS changed, count(DISTINCT order_id) AS orders
    FROM answered GROUP BY id
  ),
  r AS (
    SELECT rv.workshop_org_id AS id, count(*) AS reviews,
           avg(rv.quality)::double precision AS q, avg(rv.communication)::double precision AS c, avg(rv.timeliness)::double precision AS t
    FROM order_reviews rv
    WHERE rv.workshop_org_id IN (SELECT id FROM w) AND rv.published_at IS NOT NULL
    GROUP BY rv.workshop_org_id
  )
  SELECT w.id, coalesce(d.delivered, 0), coalesce(d.on_time, 0), coalesce(d.late, 0), d.median_late,
         coalesce(a.approvals, 0), coalesce(a.changed, 0), coalesce(a.orders, 0),
         coalesce(r.reviews, 0), r.q, r.c, r.t
  FROM w LEFT JOIN d ON d.id = w.id LEFT JOIN a ON a.id = w.id LEFT JOIN r ON r.id = w.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION workshop_order_record(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION workshop_order_record(uuid[]) TO bezel_app;
