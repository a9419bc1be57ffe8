-- Custom SQL migration file, put your code below! ---- Requests for quote, quotes, orders and threads under row-level security. Each row is visible to exactly
-- its two parties: the brand of the RFQ, and the one invited workshop it concerns, from the moment the RFQ
-- was sent to it. A workshop never sees another workshop's invitation, quote or thread, nor that one exists.
-- A quote version is frozen once sent. Enum values added by the previous migration are compared as text.
--> statement-breakpoint
ALTER TABLE rfqs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfqs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE quotes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE quotes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE quote_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE quote_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE quote_version_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE quote_version_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE orders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE order_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_message_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_message_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_thread_reads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rfq_thread_reads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The one rule by which a workshop reads an RFQ: it was invited and the RFQ was sent to it. As the owner,
-- so the answer does not depend on what the caller already sees (and policies do not recurse).
CREATE OR REPLACE FUNCTION rfq_sent_to(rfq uuid, org uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT org IS NOT NULL AND EXISTS (
    SELECT 1 FROM rfq_invitations i JOIN rfqs r ON r.id = i.rfq_id
    WHERE i.rfq_id = rfq AND i.workshop_org_id = org AND i.brand_org_id = r.brand_org_id AND i.sent_at IS NOT NULL AND r.status <> 'draft'
  )
$$;
--> statement-breakpoint
-- The brand's own rows; what an invited workshop reads.
CREATE POLICY rfqs_brand ON rfqs FOR ALL TO bezel_app
  USING (brand_org_id = app_org_id()) WITH CHECK (brand_org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY rfqs_invited ON rfqs FOR SELECT TO bezel_app
  USING (rfq_sent_to(id, app_org_id()));
--> statement-breakpoint
CREATE POLICY rfq_lines_brand ON rfq_lines FOR ALL TO bezel_app
  USING (brand_org_id = app_org_id()) WITH CHECK (brand_org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY rfq_lines_invited ON rfq_lines FOR SELECT TO bezel_app
  USING (rfq_sent_to(rfq_id, app_org_id()));
--> statement-breakpoint
CREATE POLICY rfq_attachments_brand ON rfq_attachments FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY rfq_attachments_invited ON rfq_attachments FOR SELECT TO bezel_app
  USING (rfq_sent_to(rfq_id, app_org_id()));
--> statement-breakpoint
-- Invitations: the brand writes them; a workshop reads and answers (declines) only its own, once sent.
CREATE POLICY rfq_invitations_brand ON rfq_invitations FOR ALL TO bezel_app
  USING (brand_org_id = app_org_id()) WITH CHECK (brand_org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY rfq_invitations_workshop ON rfq_invitations FOR SELECT TO bezel_app
  USING (workshop_org_id = app_org_id() AND sent_at IS NOT NULL);
--> statement-breakpoint
CREATE POLICY rfq_invitations_workshop_answers ON rfq_invitations FOR UPDATE TO bezel_app
  USING (workshop_org_id = app_org_id() AND sent_at IS NOT NULL) WITH CHECK (workshop_org_id = app_org_id() AND sent_at IS NOT NULL);
--> statement-breakpoint
-- Quotes: the workshop writes its own on an RFQ sent to it; the brand reads them once a version was sent,
-- and moves a sent version's status (accepted, declined). Drafts are the workshop's alone.
CREATE POLICY quotes_workshop ON quotes FOR ALL TO bezel_app
  USING (workshop_org_id = app_org_id()) WITH CHECK (workshop_org_id = app_org_id() AND rfq_sent_to(rfq_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY quote_versions_workshop ON quote_versions FOR ALL TO bezel_app
  USING (workshop_org_id = app_org_id()) WITH CHECK (workshop_org_id = app_org_id() AND rfq_sent_to(rfq_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY quote_versions_brand ON quote_versions FOR SELECT TO bezel_app
  USING (brand_org_id = app_org_id() AND status::text <> 'draft');
--> statement-breakpoint
CREATE POLICY quote_versions_brand_answers ON quote_versions FOR UPDATE TO bezel_app
  USING (brand_org_id = app_org_id() AND status::text <> 'draft') WITH CHECK (brand_org_id = app_org_id() AND status::text <> 'draft');
--> statement-breakpoint
-- The subquery reads quote_versions under its own policies: the brand sees a quote only with a sent version.
CREATE POLICY quotes_brand ON quotes FOR SELECT TO bezel_app
  USING (brand_org_id = app_org_id() AND EXISTS (SELECT 1 FROM quote_versions v WHERE v.quote_id = quotes.id));
--> statement-breakpoint
CREATE POLICY quote_version_attachments_workshop ON quote_version_attachments FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY quote_version_attachments_brand ON quote_version_attachments FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM quote_versions v WHERE v.id = quote_version_attachments.quote_version_id AND v.brand_org_id = app_org_id()));
--> statement-breakpoint
-- Orders and their lines: both parties read; the brand creates them (accepting a quote).
CREATE POLICY orders_parties ON orders FOR SELECT TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY orders_brand_creates ON orders FOR INSERT TO bezel_app
  WITH CHECK (brand_org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY order_lines_parties ON order_lines FOR SELECT TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id));
--> statement-breakpoint
CREATE POLICY order_lines_brand_creates ON order_lines FOR INSERT TO bezel_app
  WITH CHECK (brand_org_id = app_org_id() AND EXISTS (SELECT 1 FROM orders o WHERE o.id = order_lines.order_id AND o.brand_org_id = order_lines.brand_org_id AND o.workshop_org_id = order_lines.workshop_org_id));
--> statement-breakpoint
-- A thread: the two parties of a visible invitation read it; each writes as itself.
CREATE POLICY rfq_messages_parties ON rfq_messages FOR SELECT TO bezel_app
  USING (app_org_id() IN (brand_org_id, workshop_org_id) AND EXISTS (SELECT 1 FROM rfq_invitations i WHERE i.id = rfq_messages.invitation_id));
--> statement-breakpoint
CREATE POLICY rfq_messages_party_writes ON rfq_messages FOR INSERT TO bezel_app
  WITH CHECK (author_org_id = app_org_id() AND app_org_id() IN (brand_org_id, workshop_org_id) AND EXISTS (
    SELECT 1 FROM rfq_invitations i WHERE i.id = rfq_messages.invitation_id AND i.brand_org_id = rfq_messages.brand_org_id
      AND i.workshop_org_id = rfq_messages.workshop_org_id AND i.sent_at IS NOT NULL
  ));
--> statement-breakpoint
CREATE POLICY rfq_message_attachments_own ON rfq_message_attachments FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY rfq_message_attachments_parties ON rfq_message_attachments FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM rfq_messages m WHERE m.id = rfq_message_attachments.message_id));
--> statement-breakpoint
CREATE POLICY rfq_thread_reads_own ON rfq_thread_reads FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
-- Files: an RFQ's for its invited workshops; a quote's for the brand once sent; a message's for both parties.
CREATE POLICY files_rfq_shared ON files FOR SELECT TO bezel_app
  USING (
    (purpose::text = 'rfq_attachment' AND EXISTS (
      SELECT 1 FROM rfq_attachments a WHERE a.file_id = files.id AND a.org_id = files.org_id AND rfq_sent_to(a.rfq_id, app_org_id())
    ))
    OR (purpose::text = 'quote_attachment' AND EXISTS (
      SELECT 1 FROM quote_version_attachments a JOIN quote_versions v ON v.id = a.quote_version_id
      WHERE a.file_id = files.id AND a.org_id = files.org_id AND v.workshop_org_id = files.org_id
    ))
    OR (purpose::text = 'rfq_message_attachment' AND EXISTS (
      SELECT 1 FROM rfq_message_attachments a JOIN rfq_messages m ON m.id = a.message_id
      WHERE a.file_id = files.id AND a.org_id = files.org_id AND m.author_org_id = files.org_id
    ))
  );
--> statement-breakpoint
-- The other party's name on an invitation: the brand sees the workshops it invited, a workshop the brand
-- that sent it an RFQ.
CREATE POLICY organizations_rfq_counterparty ON organizations FOR SELECT TO bezel_app
  USING (EXISTS (
    SELECT 1 FROM rfq_invitations i
    WHERE (i.workshop_org_id = organizations.id AND i.brand_org_id = app_org_id())
       OR (i.brand_org_id = organizations.id AND i.workshop_org_id = app_org_id())
  ));
--> statement-breakpoint
-- An invitation and a quote version keep their parties and their RFQ.
CREATE OR REPLACE FUNCTION rfq_parties_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.brand_org_id <> OLD.brand_org_id OR NEW.workshop_org_id <> OLD.workshop_org_id OR NEW.rfq_id <> OLD.rfq_id THEN
    RAISE EXCEPTION 'the parties of % cannot change', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER rfq_invitations_parties_fixed BEFORE UPDATE ON rfq_invitations
  FOR EACH ROW EXECUTE FUNCTION rfq_parties_fixed();
--> statement-breakpoint
CREATE TRIGGER quote_versions_parties_fixed BEFORE UPDATE ON quote_versions
  FOR EACH ROW EXECUTE FUNCTION rfq_parties_fixed();
--> statement-breakpoint
-- A sent quote version is frozen: its content never changes and it is never deleted; its status only moves
-- from sent to one of the ends, once.
CREATE OR REPLACE FUNCTION quote_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status::text = 'draft' THEN
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'quote version % was sent and cannot be deleted', OLD.number USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF OLD.status::text <> 'sent' OR NEW.status::text IN ('draft', 'sent')
     OR NEW.pricing IS DISTINCT FROM OLD.pricing OR NEW.line_revisions IS DISTINCT FROM OLD.line_revisions
     OR NEW.currency IS DISTINCT FROM OLD.currency OR NEW.lead_time_days IS DISTINCT FROM OLD.lead_time_days
     OR NEW.deposit_percent IS DISTINCT FROM OLD.deposit_percent OR NEW.payment_terms IS DISTINCT FROM OLD.payment_terms
     OR NEW.balance_milestone IS DISTINCT FROM OLD.balance_milestone OR NEW.valid_until IS DISTINCT FROM OLD.valid_until
     OR NEW.notes IS DISTINCT FROM OLD.notes OR NEW.number IS DISTINCT FROM OLD.number OR NEW.sent_at IS DISTINCT FROM OLD.sent_at
     OR NEW.quote_id IS DISTINCT FROM OLD.quote_id THEN
    RAISE EXCEPTION 'quote version % was sent: it is revised by a new version, never edited', OLD.number USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER quote_versions_frozen BEFORE UPDATE OR DELETE ON quote_versions
  FOR EACH ROW EXECUTE FUNCTION quote_versions_frozen();
--> statement-breakpoint
-- The files of a sent version are frozen too. As the owner, so the version's status is read whoever writes.
CREATE OR REPLACE FUNCTION quote_version_attachments_frozen() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF (TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (SELECT 1 FROM quote_versions v WHERE v.id = OLD.quote_version_id AND v.status::text <> 'draft'))
     OR (TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1 FROM quote_versions v WHERE v.id = NEW.quote_version_id AND v.status::text <> 'draft')) THEN
    RAISE EXCEPTION 'the files of a sent quote version cannot be changed' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER quote_version_attachments_frozen BEFORE INSERT OR UPDATE OR DELETE ON quote_version_attachments
  FOR EACH ROW EXECUTE FUNCTION quote_version_attachments_frozen();
