-- Payments under row-level security. A payment is visible to exactly its two parties; each writes as itself
-- and what a payment is (its parties, subject, kind and amount) never changes. A payout account is its
-- workshop's own; a brand that owes the workshop a payment reads it (the bank details it pays to). A
-- Stripe event row belongs to the workshop it was processed for.
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payout_accounts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payout_accounts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY payments_parties ON payments FOR SELECT TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY payments_party_creates ON payments FOR INSERT TO bezel_app
  WITH CHECK (app_org_id() IN (brand_org_id, workshop_org_id) AND (
    EXISTS (SELECT 1 FROM orders o WHERE o.id = payments.order_id AND o.brand_org_id = payments.brand_org_id AND o.workshop_org_id = payments.workshop_org_id)
    OR EXISTS (SELECT 1 FROM sample_requests s WHERE s.id = payments.sample_request_id AND s.brand_org_id = payments.brand_org_id AND s.workshop_org_id = payments.workshop_org_id)
  ));
--> statement-breakpoint
CREATE POLICY payments_parties_update ON payments FOR UPDATE TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id)) WITH CHECK (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payments_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.brand_org_id <> OLD.brand_org_id OR NEW.workshop_org_id <> OLD.workshop_org_id
     OR NEW.order_id IS DISTINCT FROM OLD.order_id OR NEW.sample_request_id IS DISTINCT FROM OLD.sample_request_id
     OR NEW.kind <> OLD.kind OR NEW.amount_minor <> OLD.amount_minor OR NEW.currency <> OLD.currency THEN
    RAISE EXCEPTION 'the parties, subject and amount of a payment cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER payments_fixed BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION payments_fixed();
--> statement-breakpoint
CREATE POLICY payout_accounts_own ON payout_accounts FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY payout_accounts_payer_reads ON payout_accounts FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM payments p WHERE p.workshop_org_id = payout_accounts.org_id AND p.brand_org_id = app_org_id()));
--> statement-breakpoint
CREATE POLICY stripe_events_own ON stripe_events FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- The workshop moves its order into production when the deposit is paid: it may change the status, and
-- nothing else of the order's snapshot changes (for anyone).
CREATE POLICY orders_workshop_updates ON orders FOR UPDATE TO bezel_app
  USING (workshop_org_id = app_org_id()) WITH CHECK (workshop_org_id = app_org_id());
--> statement-breakpoint
-- The app (bezel_app) changes only an order's status; the owner (migrations, the demo seed that places
-- orders on past days) may correct the rest.
CREATE OR REPLACE FUNCTION orders_only_status_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'bezel_app' AND (to_jsonb(NEW) - 'status') IS DISTINCT FROM (to_jsonb(OLD) - 'status') THEN
    RAISE EXCEPTION 'an order''s snapshot cannot change, only its status' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER orders_only_status_changes BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_only_status_changes();
--> statement-breakpoint
-- Which workshop a Stripe event is for, before any organization is set: by its connected account, or by the
-- payment it names. As the owner, and it answers an organization id only, nothing of the rows.
CREATE OR REPLACE FUNCTION stripe_event_workshop(p_account text, p_payment uuid, p_session text, p_intent text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(
    (SELECT org_id FROM payout_accounts WHERE p_account IS NOT NULL AND stripe_account_id = p_account),
    (SELECT workshop_org_id FROM payments WHERE id = p_payment),
    (SELECT workshop_org_id FROM payments WHERE p_session IS NOT NULL AND stripe_checkout_session_id = p_session),
    (SELECT workshop_org_id FROM payments WHERE p_intent IS NOT NULL AND stripe_payment_intent_id = p_intent)
  )
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION stripe_event_workshop(text, uuid, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION stripe_event_workshop(text, uuid, text, text) TO bezel_app;
--> statement-breakpoint
-- The schedule of every order placed before payments: its deposit (paid when its milestone is done, by
-- the bank transfer recorded then) and its balance.
INSERT INTO payments (brand_org_id, workshop_org_id, order_id, kind, amount_minor, currency, due_on, status, method, paid_on)
SELECT o.brand_org_id, o.workshop_org_id, o.id, 'deposit', o.deposit_minor, o.currency, coalesce(p.order_date, o.created_at::date),
  CASE WHEN m.status = 'completed' THEN 'paid'::payment_status ELSE 'due'::payment_status END,
  CASE WHEN m.status = 'completed' THEN 'transfer'::payment_method END,
  CASE WHEN m.status = 'completed' THEN m.completed_on END
FROM orders o
LEFT JOIN order_plans p ON p.order_id = o.id
LEFT JOIN order_milestones m ON m.order_id = o.id AND m.key = 'deposit_received'
WHERE o.deposit_minor > 0 AND NOT EXISTS (SELECT 1 FROM payments x WHERE x.order_id = o.id AND x.kind = 'deposit');
--> statement-breakpoint
INSERT INTO payments (brand_org_id, workshop_org_id, order_id, kind, amount_minor, currency, due_on, due_milestone, status)
SELECT o.brand_org_id, o.workshop_org_id, o.id, 'balance', o.balance_minor, o.currency, m.planned_date,
  CASE WHEN o.payment_terms = 'balance_at_milestone' AND o.balance_milestone <> '' THEN o.balance_milestone ELSE coalesce(m.name, 'Shipped') END, 'due'
FROM orders o
LEFT JOIN LATERAL (
  SELECT x.name, x.planned_date FROM order_milestones x WHERE x.order_id = o.id
    AND (CASE WHEN o.payment_terms = 'balance_at_milestone' AND o.balance_milestone <> '' THEN lower(x.name) = lower(o.balance_milestone) ELSE x.key = 'shipped' END)
  ORDER BY x.position LIMIT 1
) m ON true
WHERE o.balance_minor > 0 AND NOT EXISTS (SELECT 1 FROM payments x WHERE x.order_id = o.id AND x.kind = 'balance');
