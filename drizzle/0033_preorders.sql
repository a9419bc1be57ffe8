CREATE TYPE "public"."artisan_consent_state" AS ENUM('not_requested', 'requested', 'granted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."preorder_balance_status" AS ENUM('none', 'not_due', 'due', 'paid');--> statement-breakpoint
CREATE TYPE "public"."preorder_campaign_status" AS ENUM('draft', 'published', 'cancelled', 'completed');--> statement-breakpoint
CREATE TYPE "public"."preorder_image_kind" AS ENUM('image', 'sketch', 'progress');--> statement-breakpoint
CREATE TYPE "public"."preorder_payment_mode" AS ENUM('deposit', 'full');--> statement-breakpoint
CREATE TYPE "public"."preorder_reservation_status" AS ENUM('held', 'paid', 'expired', 'cancelled', 'refunded');--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'preorder_image';--> statement-breakpoint
CREATE TABLE "preorder_campaign_images" (
	"campaign_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "preorder_image_kind" NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"milestone_photo_file_id" uuid,
	CONSTRAINT "preorder_campaign_images_campaign_id_file_id_pk" PRIMARY KEY("campaign_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "preorder_campaign_sizes" (
	"campaign_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"size" text NOT NULL,
	"position" integer NOT NULL,
	"cap" integer,
	"held_units" integer DEFAULT 0 NOT NULL,
	"paid_units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "preorder_campaign_sizes_campaign_id_size_pk" PRIMARY KEY("campaign_id","size"),
	CONSTRAINT "preorder_campaign_sizes_cap" CHECK ("preorder_campaign_sizes"."held_units" >= 0 and "preorder_campaign_sizes"."paid_units" >= 0 and ("preorder_campaign_sizes"."cap" is null or ("preorder_campaign_sizes"."cap" > 0 and "preorder_campaign_sizes"."held_units" + "preorder_campaign_sizes"."paid_units" <= "preorder_campaign_sizes"."cap")))
);
--> statement-breakpoint
CREATE TABLE "preorder_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"design_id" uuid NOT NULL,
	"design_revision_id" uuid NOT NULL,
	"workshop_org_id" uuid,
	"quote_version_id" uuid,
	"rfq_id" uuid,
	"order_id" uuid,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"currency" char(3) NOT NULL,
	"retail_price_minor" bigint NOT NULL,
	"payment_mode" "preorder_payment_mode" DEFAULT 'deposit' NOT NULL,
	"deposit_percent" integer DEFAULT 30 NOT NULL,
	"total_cap" integer NOT NULL,
	"held_units" integer DEFAULT 0 NOT NULL,
	"paid_units" integer DEFAULT 0 NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"hold_minutes" integer DEFAULT 30 NOT NULL,
	"return_policy" text DEFAULT '' NOT NULL,
	"cancel_within_days" integer DEFAULT 14 NOT NULL,
	"expected_delivery_on" date NOT NULL,
	"forecast_delivery_on" date,
	"announced_delivery_on" date,
	"notify_after_business_days" integer DEFAULT 5 NOT NULL,
	"show_artisans" boolean DEFAULT false NOT NULL,
	"artisans_consent" "artisan_consent_state" DEFAULT 'not_requested' NOT NULL,
	"artisans_consent_at" timestamp with time zone,
	"status" "preorder_campaign_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preorder_campaigns_cap" CHECK ("preorder_campaigns"."total_cap" > 0 and "preorder_campaigns"."held_units" >= 0 and "preorder_campaigns"."paid_units" >= 0 and "preorder_campaigns"."held_units" + "preorder_campaigns"."paid_units" <= "preorder_campaigns"."total_cap"),
	CONSTRAINT "preorder_campaigns_deposit" CHECK ("preorder_campaigns"."deposit_percent" between 1 and 100 and ("preorder_campaigns"."payment_mode" = 'deposit' or "preorder_campaigns"."deposit_percent" = 100)),
	CONSTRAINT "preorder_campaigns_window" CHECK ("preorder_campaigns"."closes_at" > "preorder_campaigns"."opens_at"),
	CONSTRAINT "preorder_campaigns_price" CHECK ("preorder_campaigns"."retail_price_minor" > 0 and "preorder_campaigns"."hold_minutes" between 5 and 1440 and "preorder_campaigns"."cancel_within_days" >= 0 and "preorder_campaigns"."notify_after_business_days" >= 0),
	CONSTRAINT "preorder_campaigns_published_when" CHECK (("preorder_campaigns"."status" = 'draft') = ("preorder_campaigns"."published_at" is null))
);
--> statement-breakpoint
CREATE TABLE "preorder_page_views" (
	"campaign_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "preorder_page_views_campaign_id_day_pk" PRIMARY KEY("campaign_id","day")
);
--> statement-breakpoint
CREATE TABLE "preorder_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"customer_name" text NOT NULL,
	"customer_email" text NOT NULL,
	"size" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"total_minor" bigint NOT NULL,
	"amount_due_minor" bigint NOT NULL,
	"balance_minor" bigint DEFAULT 0 NOT NULL,
	"status" "preorder_reservation_status" DEFAULT 'held' NOT NULL,
	"hold_expires_at" timestamp with time zone NOT NULL,
	"token_hash" text NOT NULL,
	"stripe_checkout_session_id" text,
	"stripe_payment_intent_id" text,
	"checkout_attempt" integer DEFAULT 0 NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"late_payment" text DEFAULT '' NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"refund_pending_minor" bigint DEFAULT 0 NOT NULL,
	"refund_attempt" integer DEFAULT 0 NOT NULL,
	"stripe_refund_id" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"balance_status" "preorder_balance_status" DEFAULT 'none' NOT NULL,
	"balance_checkout_session_id" text,
	"balance_payment_intent_id" text,
	"balance_checkout_attempt" integer DEFAULT 0 NOT NULL,
	"balance_paid_at" timestamp with time zone,
	"shipped_notice_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preorder_reservations_quantity" CHECK ("preorder_reservations"."quantity" > 0),
	CONSTRAINT "preorder_reservations_amounts" CHECK ("preorder_reservations"."amount_due_minor" > 0 and "preorder_reservations"."balance_minor" >= 0 and "preorder_reservations"."amount_due_minor" + "preorder_reservations"."balance_minor" = "preorder_reservations"."total_minor" and "preorder_reservations"."paid_minor" >= 0 and "preorder_reservations"."refunded_minor" >= 0 and "preorder_reservations"."refund_pending_minor" >= 0 and "preorder_reservations"."refunded_minor" + "preorder_reservations"."refund_pending_minor" <= "preorder_reservations"."paid_minor")
);
--> statement-breakpoint
ALTER TABLE "preorder_campaign_images" ADD CONSTRAINT "preorder_campaign_images_campaign_id_preorder_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."preorder_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaign_images" ADD CONSTRAINT "preorder_campaign_images_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaign_images" ADD CONSTRAINT "preorder_campaign_images_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaign_images" ADD CONSTRAINT "preorder_campaign_images_milestone_photo_file_id_order_milestone_photos_file_id_fk" FOREIGN KEY ("milestone_photo_file_id") REFERENCES "public"."order_milestone_photos"("file_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaign_sizes" ADD CONSTRAINT "preorder_campaign_sizes_campaign_id_preorder_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."preorder_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaign_sizes" ADD CONSTRAINT "preorder_campaign_sizes_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaigns" ADD CONSTRAINT "preorder_campaigns_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaigns" ADD CONSTRAINT "preorder_campaigns_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaigns" ADD CONSTRAINT "preorder_campaigns_design_revision_id_design_revisions_id_fk" FOREIGN KEY ("design_revision_id") REFERENCES "public"."design_revisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaigns" ADD CONSTRAINT "preorder_campaigns_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaigns" ADD CONSTRAINT "preorder_campaigns_quote_version_id_quote_versions_id_fk" FOREIGN KEY ("quote_version_id") REFERENCES "public"."quote_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaigns" ADD CONSTRAINT "preorder_campaigns_rfq_id_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfqs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaigns" ADD CONSTRAINT "preorder_campaigns_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_campaigns" ADD CONSTRAINT "preorder_campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_page_views" ADD CONSTRAINT "preorder_page_views_campaign_id_preorder_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."preorder_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_page_views" ADD CONSTRAINT "preorder_page_views_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_reservations" ADD CONSTRAINT "preorder_reservations_campaign_id_preorder_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."preorder_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preorder_reservations" ADD CONSTRAINT "preorder_reservations_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "preorder_campaign_images_org_id_index" ON "preorder_campaign_images" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "preorder_campaign_images_file_id_index" ON "preorder_campaign_images" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "preorder_campaign_sizes_brand_org_id_index" ON "preorder_campaign_sizes" USING btree ("brand_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "preorder_campaigns_brand_slug_key" ON "preorder_campaigns" USING btree ("brand_org_id","slug");--> statement-breakpoint
CREATE INDEX "preorder_campaigns_brand_org_id_created_at_index" ON "preorder_campaigns" USING btree ("brand_org_id","created_at");--> statement-breakpoint
CREATE INDEX "preorder_campaigns_workshop_org_id_index" ON "preorder_campaigns" USING btree ("workshop_org_id");--> statement-breakpoint
CREATE INDEX "preorder_campaigns_order_id_index" ON "preorder_campaigns" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "preorder_page_views_brand_org_id_index" ON "preorder_page_views" USING btree ("brand_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "preorder_reservations_token_key" ON "preorder_reservations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "preorder_reservations_reference_key" ON "preorder_reservations" USING btree ("campaign_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "preorder_reservations_checkout_key" ON "preorder_reservations" USING btree ("stripe_checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "preorder_reservations_intent_key" ON "preorder_reservations" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "preorder_reservations_balance_checkout_key" ON "preorder_reservations" USING btree ("balance_checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "preorder_reservations_balance_intent_key" ON "preorder_reservations" USING btree ("balance_payment_intent_id");--> statement-breakpoint
CREATE INDEX "preorder_reservations_campaign_id_created_at_index" ON "preorder_reservations" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "preorder_reservations_brand_org_id_created_at_index" ON "preorder_reservations" USING btree ("brand_org_id","created_at");--> statement-breakpoint
CREATE INDEX "preorder_reservations_open_holds" ON "preorder_reservations" USING btree ("hold_expires_at") WHERE "preorder_reservations"."status" = 'held';