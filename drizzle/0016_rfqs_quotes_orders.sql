CREATE TYPE "public"."order_status" AS ENUM('open', 'cancelled', 'completed');--> statement-breakpoint
CREATE TYPE "public"."payment_terms" AS ENUM('balance_before_shipping', 'balance_at_milestone');--> statement-breakpoint
CREATE TYPE "public"."quote_version_status" AS ENUM('draft', 'sent', 'superseded', 'withdrawn', 'accepted', 'declined', 'expired', 'outdated');--> statement-breakpoint
CREATE TYPE "public"."rfq_invitation_status" AS ENUM('invited', 'declined', 'quoted', 'awarded', 'not_awarded');--> statement-breakpoint
CREATE TYPE "public"."rfq_status" AS ENUM('draft', 'open', 'closed', 'awarded');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'rfq';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'quote';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'rfq_message';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'rfq_attachment';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'quote_attachment';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'rfq_message_attachment';--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"rfq_line_id" uuid,
	"design_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"design_name" text NOT NULL,
	"sku" text NOT NULL,
	"revision_number" integer NOT NULL,
	"quantity" integer NOT NULL,
	"sizes" jsonb NOT NULL,
	"tier_unit_price_minor" bigint NOT NULL,
	"fees" jsonb NOT NULL,
	"fees_total_minor" bigint NOT NULL,
	"line_total_minor" bigint NOT NULL,
	CONSTRAINT "order_lines_quantity" CHECK ("order_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"rfq_id" uuid NOT NULL,
	"quote_version_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"status" "order_status" DEFAULT 'open' NOT NULL,
	"currency" char(3) NOT NULL,
	"pieces_total_minor" bigint NOT NULL,
	"fees_total_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"deposit_minor" bigint NOT NULL,
	"balance_minor" bigint NOT NULL,
	"deposit_percent" numeric(5, 2) NOT NULL,
	"lead_time_days" integer NOT NULL,
	"payment_terms" "payment_terms" NOT NULL,
	"balance_milestone" text DEFAULT '' NOT NULL,
	"quote_notes" text DEFAULT '' NOT NULL,
	"pricing" jsonb NOT NULL,
	"priced" jsonb NOT NULL,
	"expected_delivery_date" date NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_amounts" CHECK ("orders"."total_minor" = "orders"."pieces_total_minor" + "orders"."fees_total_minor" and "orders"."total_minor" = "orders"."deposit_minor" + "orders"."balance_minor")
);
--> statement-breakpoint
CREATE TABLE "quote_version_attachments" (
	"quote_version_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "quote_version_attachments_quote_version_id_file_id_pk" PRIMARY KEY("quote_version_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "quote_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quote_id" uuid NOT NULL,
	"rfq_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "quote_version_status" DEFAULT 'draft' NOT NULL,
	"currency" char(3) NOT NULL,
	"pricing" jsonb NOT NULL,
	"line_revisions" jsonb NOT NULL,
	"lead_time_days" integer NOT NULL,
	"deposit_percent" numeric(5, 2) NOT NULL,
	"payment_terms" "payment_terms" NOT NULL,
	"balance_milestone" text DEFAULT '' NOT NULL,
	"valid_until" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "quote_versions_sent_when" CHECK (("quote_versions"."status" = 'draft') = ("quote_versions"."sent_at" is null)),
	CONSTRAINT "quote_versions_lead_time" CHECK ("quote_versions"."lead_time_days" between 1 and 500),
	CONSTRAINT "quote_versions_deposit" CHECK ("quote_versions"."deposit_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"rfq_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rfq_attachments" (
	"rfq_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "rfq_attachments_rfq_id_file_id_pk" PRIMARY KEY("rfq_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "rfq_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rfq_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"status" "rfq_invitation_status" DEFAULT 'invited' NOT NULL,
	"decline_reason" text,
	"invited_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rfq_invitations_decline_reason" CHECK (("rfq_invitations"."status" = 'declined') = ("rfq_invitations"."decline_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "rfq_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rfq_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"design_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"sizes" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rfq_message_attachments" (
	"message_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "rfq_message_attachments_message_id_file_id_pk" PRIMARY KEY("message_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "rfq_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"author_org_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rfq_thread_reads" (
	"invitation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rfq_thread_reads_invitation_id_user_id_org_id_pk" PRIMARY KEY("invitation_id","user_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "rfqs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"currency" char(3) NOT NULL,
	"target_date" date NOT NULL,
	"deadline" date NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" "rfq_status" DEFAULT 'draft' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_rfq_line_id_rfq_lines_id_fk" FOREIGN KEY ("rfq_line_id") REFERENCES "public"."rfq_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_revision_id_design_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."design_revisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_rfq_id_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfqs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_quote_version_id_quote_versions_id_fk" FOREIGN KEY ("quote_version_id") REFERENCES "public"."quote_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_version_attachments" ADD CONSTRAINT "quote_version_attachments_quote_version_id_quote_versions_id_fk" FOREIGN KEY ("quote_version_id") REFERENCES "public"."quote_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_version_attachments" ADD CONSTRAINT "quote_version_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_version_attachments" ADD CONSTRAINT "quote_version_attachments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_versions" ADD CONSTRAINT "quote_versions_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_versions" ADD CONSTRAINT "quote_versions_rfq_id_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfqs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_versions" ADD CONSTRAINT "quote_versions_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_versions" ADD CONSTRAINT "quote_versions_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_versions" ADD CONSTRAINT "quote_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_invitation_id_rfq_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."rfq_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_rfq_id_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfqs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_attachments" ADD CONSTRAINT "rfq_attachments_rfq_id_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfqs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_attachments" ADD CONSTRAINT "rfq_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_attachments" ADD CONSTRAINT "rfq_attachments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_invitations" ADD CONSTRAINT "rfq_invitations_rfq_id_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfqs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_invitations" ADD CONSTRAINT "rfq_invitations_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_invitations" ADD CONSTRAINT "rfq_invitations_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_invitations" ADD CONSTRAINT "rfq_invitations_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_lines" ADD CONSTRAINT "rfq_lines_rfq_id_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfqs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_lines" ADD CONSTRAINT "rfq_lines_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_lines" ADD CONSTRAINT "rfq_lines_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_lines" ADD CONSTRAINT "rfq_lines_revision_id_design_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."design_revisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_message_attachments" ADD CONSTRAINT "rfq_message_attachments_message_id_rfq_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."rfq_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_message_attachments" ADD CONSTRAINT "rfq_message_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_message_attachments" ADD CONSTRAINT "rfq_message_attachments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_messages" ADD CONSTRAINT "rfq_messages_invitation_id_rfq_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."rfq_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_messages" ADD CONSTRAINT "rfq_messages_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_messages" ADD CONSTRAINT "rfq_messages_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_messages" ADD CONSTRAINT "rfq_messages_author_org_id_organizations_id_fk" FOREIGN KEY ("author_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_messages" ADD CONSTRAINT "rfq_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_thread_reads" ADD CONSTRAINT "rfq_thread_reads_invitation_id_rfq_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."rfq_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_thread_reads" ADD CONSTRAINT "rfq_thread_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_thread_reads" ADD CONSTRAINT "rfq_thread_reads_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfqs" ADD CONSTRAINT "rfqs_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfqs" ADD CONSTRAINT "rfqs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_lines_order_id_position_index" ON "order_lines" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "order_lines_brand_org_id_index" ON "order_lines" USING btree ("brand_org_id");--> statement-breakpoint
CREATE INDEX "order_lines_workshop_org_id_index" ON "order_lines" USING btree ("workshop_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_brand_number_key" ON "orders" USING btree ("brand_org_id","year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_rfq_key" ON "orders" USING btree ("rfq_id");--> statement-breakpoint
CREATE INDEX "orders_workshop_org_id_created_at_index" ON "orders" USING btree ("workshop_org_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_brand_org_id_created_at_index" ON "orders" USING btree ("brand_org_id","created_at");--> statement-breakpoint
CREATE INDEX "quote_version_attachments_file_id_index" ON "quote_version_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "quote_version_attachments_org_id_index" ON "quote_version_attachments" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_versions_quote_number_key" ON "quote_versions" USING btree ("quote_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "quote_versions_one_draft_key" ON "quote_versions" USING btree ("quote_id") WHERE "quote_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "quote_versions_one_sent_key" ON "quote_versions" USING btree ("quote_id") WHERE "quote_versions"."status" = 'sent';--> statement-breakpoint
CREATE INDEX "quote_versions_rfq_id_status_index" ON "quote_versions" USING btree ("rfq_id","status");--> statement-breakpoint
CREATE INDEX "quote_versions_brand_org_id_index" ON "quote_versions" USING btree ("brand_org_id");--> statement-breakpoint
CREATE INDEX "quote_versions_workshop_org_id_index" ON "quote_versions" USING btree ("workshop_org_id");--> statement-breakpoint
CREATE INDEX "quote_versions_status_valid_until_index" ON "quote_versions" USING btree ("status","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_invitation_key" ON "quotes" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "quotes_brand_org_id_index" ON "quotes" USING btree ("brand_org_id");--> statement-breakpoint
CREATE INDEX "quotes_workshop_org_id_index" ON "quotes" USING btree ("workshop_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rfq_attachments_file_key" ON "rfq_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "rfq_attachments_org_id_index" ON "rfq_attachments" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rfq_invitations_rfq_workshop_key" ON "rfq_invitations" USING btree ("rfq_id","workshop_org_id");--> statement-breakpoint
CREATE INDEX "rfq_invitations_brand_org_id_index" ON "rfq_invitations" USING btree ("brand_org_id");--> statement-breakpoint
CREATE INDEX "rfq_invitations_workshop_org_id_created_at_index" ON "rfq_invitations" USING btree ("workshop_org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rfq_lines_rfq_design_key" ON "rfq_lines" USING btree ("rfq_id","design_id");--> statement-breakpoint
CREATE INDEX "rfq_lines_brand_org_id_index" ON "rfq_lines" USING btree ("brand_org_id");--> statement-breakpoint
CREATE INDEX "rfq_lines_revision_id_index" ON "rfq_lines" USING btree ("revision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rfq_message_attachments_file_key" ON "rfq_message_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "rfq_message_attachments_org_id_index" ON "rfq_message_attachments" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "rfq_messages_invitation_id_created_at_index" ON "rfq_messages" USING btree ("invitation_id","created_at");--> statement-breakpoint
CREATE INDEX "rfq_messages_brand_org_id_index" ON "rfq_messages" USING btree ("brand_org_id");--> statement-breakpoint
CREATE INDEX "rfq_messages_workshop_org_id_index" ON "rfq_messages" USING btree ("workshop_org_id");--> statement-breakpoint
CREATE INDEX "rfq_thread_reads_org_id_index" ON "rfq_thread_reads" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rfqs_brand_number_key" ON "rfqs" USING btree ("brand_org_id","number");--> statement-breakpoint
CREATE INDEX "rfqs_brand_org_id_status_created_at_index" ON "rfqs" USING btree ("brand_org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "rfqs_status_deadline_at_index" ON "rfqs" USING btree ("status","deadline_at");