ALTER TYPE "public"."notification_kind" ADD VALUE 'order_placed';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'milestone_done';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'approval_requested';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'changes_requested';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'order_at_risk';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'order_shipped';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'order_delivered';--> statement-breakpoint
CREATE INDEX "events_org_subject_created_idx" ON "events" USING btree ("org_id","subject_id","created_at");--> statement-breakpoint
CREATE INDEX "rfq_invitations_brand_workshop_idx" ON "rfq_invitations" USING btree ("brand_org_id","workshop_org_id");--> statement-breakpoint
CREATE INDEX "rfq_invitations_workshop_brand_idx" ON "rfq_invitations" USING btree ("workshop_org_id","brand_org_id");