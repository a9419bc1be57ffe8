-- Sample numbers are per brand (SR-1, SR-2…), so a workshop receives several "SR-2". Each request also gets
-- a number per workshop, for the workshop's own URLs and list.
ALTER TABLE "sample_requests" ADD COLUMN "workshop_number" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "sample_requests" sr SET "workshop_number" = n.rn
FROM (SELECT "id", row_number() OVER (PARTITION BY "workshop_org_id" ORDER BY "created_at", "id") AS rn FROM "sample_requests") n
WHERE n."id" = sr."id";--> statement-breakpoint
CREATE UNIQUE INDEX "sample_requests_workshop_number_key" ON "sample_requests" USING btree ("workshop_org_id","workshop_number");--> statement-breakpoint
-- The brand inserting a request cannot see the workshop's requests from other brands (row-level security),
-- so the database assigns the number, as the tables' owner. The lock on the workshop's organization row
-- serializes concurrent requests from several brands; the unique index is the backstop.
CREATE FUNCTION assign_sample_request_workshop_number() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM 1 FROM organizations WHERE id = NEW.workshop_org_id FOR NO KEY UPDATE;
  SELECT coalesce(max(workshop_number), 0) + 1 INTO NEW.workshop_number FROM sample_requests WHERE workshop_org_id = NEW.workshop_org_id;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER sample_requests_workshop_number BEFORE INSERT ON sample_requests
  FOR EACH ROW EXECUTE FUNCTION assign_sample_request_workshop_number();
