-- A brand that sent a workshop a request for quote reads the workshop's production calendar (working
-- weekdays, its own holiday changes, closures and make-up days), so that the comparison and the order count
-- the expected delivery date in that workshop's business days. Reads only; the workshop alone edits them.
CREATE POLICY production_calendars_rfq_brand ON production_calendars FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM rfq_invitations i WHERE i.workshop_org_id = production_calendars.org_id AND i.brand_org_id = app_org_id() AND i.sent_at IS NOT NULL));
--> statement-breakpoint
CREATE POLICY calendar_holiday_changes_rfq_brand ON calendar_holiday_changes FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM rfq_invitations i WHERE i.workshop_org_id = calendar_holiday_changes.org_id AND i.brand_org_id = app_org_id() AND i.sent_at IS NOT NULL));
--> statement-breakpoint
CREATE POLICY calendar_closures_rfq_brand ON calendar_closures FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM rfq_invitations i WHERE i.workshop_org_id = calendar_closures.org_id AND i.brand_org_id = app_org_id() AND i.sent_at IS NOT NULL));
--> statement-breakpoint
CREATE POLICY calendar_working_days_rfq_brand ON calendar_working_days FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM rfq_invitations i WHERE i.workshop_org_id = calendar_working_days.org_id AND i.brand_org_id = app_org_id() AND i.sent_at IS NOT NULL));
