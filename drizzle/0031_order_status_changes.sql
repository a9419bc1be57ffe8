-- Cancelling and closing an order (src/server/services/order-status.ts). The brand may now update its
-- orders, and the trigger holds both parties to what the app may change: the status, and with it the
-- cancellation (reason, when, by whom) or the closing (when, by whom); nothing of the snapshot.
CREATE POLICY orders_brand_updates ON orders FOR UPDATE TO bezel_app
  USING (brand_org_id = app_org_id()) WITH CHECK (brand_org_id = app_org_id());
--> statement-breakpoint
-- The app (bezel_app) changes only an order's status and the facts that go with it: a cancelled order
-- has its reason and time, a closed (completed) one its time, and no other status has either. The brand
-- only cancels or closes (the workshop moves an order into production); a closed or cancelled order never
-- changes again. The owner (migrations, the demo seed that places orders on past days) may correct the rest.
CREATE OR REPLACE FUNCTION orders_only_status_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  status_columns text[] := ARRAY['status', 'cancel_reason', 'cancelled_at', 'cancelled_by_id', 'closed_at', 'closed_by_id'];
BEGIN
  IF current_user <> 'bezel_app' THEN
    RETURN NEW;
  END IF;
  IF (to_jsonb(NEW) - status_columns) IS DISTINCT FROM (to_jsonb(OLD) - status_columns) THEN
    RAISE EXCEPTION 'an order''s snapshot cannot change, only its status' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status IN ('cancelled', 'completed') AND to_jsonb(NEW) IS DISTINCT FROM to_jsonb(OLD) THEN
    RAISE EXCEPTION 'a closed or cancelled order cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.status = 'cancelled') <> (NEW.cancelled_at IS NOT NULL AND btrim(NEW.cancel_reason) <> '')
     OR (NEW.status <> 'cancelled' AND (NEW.cancel_reason <> '' OR NEW.cancelled_by_id IS NOT NULL))
     OR (NEW.status = 'completed') <> (NEW.closed_at IS NOT NULL)
     OR (NEW.status <> 'completed' AND NEW.closed_by_id IS NOT NULL) THEN
    RAISE EXCEPTION 'a cancelled order has its reason and time, a closed order its time, and no other order either' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NEW.brand_org_id = app_org_id() AND NEW.workshop_org_id IS DISTINCT FROM app_org_id()
     AND NEW.status NOT IN ('cancelled', 'completed') THEN
    RAISE EXCEPTION 'a brand only cancels or closes its order' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
