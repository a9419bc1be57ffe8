CREATE TYPE "public"."milestone_approval" AS ENUM('none', 'requested', 'approved', 'changes_requested');--> statement-breakpoint
CREATE TYPE "public"."milestone_status" AS ENUM('pending', 'in_progress', 'blocked', 'awaiting_approval', 'completed');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'order';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'milestone_photo';--> statement-breakpoint
CREATE TABLE "order_milestone_photos" (
	"update_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "order_milestone_photos_update_id_file_id_pk" PRIMARY KEY("update_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "order_milestone_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"author_org_id" uuid NOT NULL,
	"author_id" uuid,
	"action" text NOT NULL,
	"from_status" "milestone_status" NOT NULL,
	"to_status" "milestone_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"happened_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"share_percent" smallint NOT NULL,
	"planned_day" integer NOT NULL,
	"planned_date" date NOT NULL,
	"forecast_date" date NOT NULL,
	"started_on" date,
	"completed_on" date,
	"status" "milestone_status" DEFAULT 'pending' NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"approval" "milestone_approval" DEFAULT 'none' NOT NULL,
	"approval_requested_on" date,
	"last_reported_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_milestones_planned_day" CHECK ("order_milestones"."planned_day" >= 0)
);
--> statement-breakpoint
CREATE TABLE "order_plans" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"order_date" date NOT NULL,
	"lead_time_days" integer NOT NULL,
	"promised_delivery_date" date NOT NULL,
	"forecast_delivery_date" date NOT NULL,
	"at_risk" boolean DEFAULT false NOT NULL,
	"at_risk_since" timestamp with time zone,
	"overdue_milestone_id" uuid,
	"carrier" text DEFAULT '' NOT NULL,
	"tracking_number" text DEFAULT '' NOT NULL,
	"shipped_on" date,
	"customs_entered_on" date,
	"customs_cleared_on" date,
	"delivered_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_plans_lead_time" CHECK ("order_plans"."lead_time_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_template_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"share_percent" smallint NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	CONSTRAINT "plan_template_steps_share" CHECK ("plan_template_steps"."share_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "order_milestone_photos" ADD CONSTRAINT "order_milestone_photos_update_id_order_milestone_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."order_milestone_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestone_photos" ADD CONSTRAINT "order_milestone_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestone_photos" ADD CONSTRAINT "order_milestone_photos_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestone_updates" ADD CONSTRAINT "order_milestone_updates_milestone_id_order_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."order_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestone_updates" ADD CONSTRAINT "order_milestone_updates_order_id_order_plans_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order_plans"("order_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestone_updates" ADD CONSTRAINT "order_milestone_updates_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestone_updates" ADD CONSTRAINT "order_milestone_updates_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestone_updates" ADD CONSTRAINT "order_milestone_updates_author_org_id_organizations_id_fk" FOREIGN KEY ("author_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestone_updates" ADD CONSTRAINT "order_milestone_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestones" ADD CONSTRAINT "order_milestones_order_id_order_plans_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order_plans"("order_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestones" ADD CONSTRAINT "order_milestones_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_milestones" ADD CONSTRAINT "order_milestones_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_plans" ADD CONSTRAINT "order_plans_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_plans" ADD CONSTRAINT "order_plans_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_plans" ADD CONSTRAINT "order_plans_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_template_steps" ADD CONSTRAINT "plan_template_steps_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_milestone_photos_file_key" ON "order_milestone_photos" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "order_milestone_photos_org_id_index" ON "order_milestone_photos" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "order_milestone_updates_order_id_created_at_index" ON "order_milestone_updates" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "order_milestone_updates_milestone_id_index" ON "order_milestone_updates" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "order_milestone_updates_brand_org_id_index" ON "order_milestone_updates" USING btree ("brand_org_id");--> statement-breakpoint
CREATE INDEX "order_milestone_updates_workshop_org_id_index" ON "order_milestone_updates" USING btree ("workshop_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_milestones_order_position_key" ON "order_milestones" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "order_milestones_brand_org_id_index" ON "order_milestones" USING btree ("brand_org_id");--> statement-breakpoint
CREATE INDEX "order_milestones_workshop_org_id_status_index" ON "order_milestones" USING btree ("workshop_org_id","status");--> statement-breakpoint
CREATE INDEX "order_plans_brand_org_id_at_risk_index" ON "order_plans" USING btree ("brand_org_id","at_risk");--> statement-breakpoint
CREATE INDEX "order_plans_workshop_org_id_at_risk_index" ON "order_plans" USING btree ("workshop_org_id","at_risk");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_template_steps_org_position_key" ON "plan_template_steps" USING btree ("org_id","position");