CREATE TYPE "public"."payout_onboarding_status" AS ENUM('not_started', 'pending', 'restricted', 'ready');--> statement-breakpoint
CREATE TYPE "public"."payment_kind" AS ENUM('deposit', 'balance', 'sample_fee');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('card', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('due', 'processing', 'paid', 'failed', 'refunded', 'partially_refunded');--> statement-breakpoint
ALTER TYPE "public"."order_status" ADD VALUE 'in_production' BEFORE 'cancelled';--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"order_id" uuid,
	"sample_request_id" uuid,
	"kind" "payment_kind" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"due_on" date,
	"due_milestone" text DEFAULT '' NOT NULL,
	"status" "payment_status" DEFAULT 'due' NOT NULL,
	"method" "payment_method",
	"transfer_reference" text DEFAULT '' NOT NULL,
	"transfer_sent_at" timestamp with time zone,
	"stripe_checkout_session_id" text,
	"stripe_payment_intent_id" text,
	"stripe_charge_id" text,
	"checkout_attempt" integer DEFAULT 0 NOT NULL,
	"platform_fee_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"failure_message" text DEFAULT '' NOT NULL,
	"paid_on" date,
	"paid_at" timestamp with time zone,
	"confirmed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_subject" CHECK (("payments"."order_id" is not null) <> ("payments"."sample_request_id" is not null)),
	CONSTRAINT "payments_amounts" CHECK ("payments"."amount_minor" >= 0 and "payments"."platform_fee_minor" >= 0 and "payments"."refunded_minor" between 0 and "payments"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "payout_accounts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"stripe_account_id" text,
	"onboarding_status" "payout_onboarding_status" DEFAULT 'not_started' NOT NULL,
	"requirements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stripe_status_at" timestamp with time zone,
	"bank_account_holder" text DEFAULT '' NOT NULL,
	"bank_name" text DEFAULT '' NOT NULL,
	"bank_iban" text DEFAULT '' NOT NULL,
	"bank_bic" text DEFAULT '' NOT NULL,
	"bank_other_details" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"payment_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_sample_request_id_sample_requests_id_fk" FOREIGN KEY ("sample_request_id") REFERENCES "public"."sample_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_order_kind_key" ON "payments" USING btree ("order_id","kind") WHERE "payments"."order_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_sample_request_key" ON "payments" USING btree ("sample_request_id") WHERE "payments"."sample_request_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_checkout_session_key" ON "payments" USING btree ("stripe_checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_payment_intent_key" ON "payments" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE INDEX "payments_brand_org_id_created_at_index" ON "payments" USING btree ("brand_org_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_workshop_org_id_created_at_index" ON "payments" USING btree ("workshop_org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_accounts_stripe_account_key" ON "payout_accounts" USING btree ("stripe_account_id");--> statement-breakpoint
CREATE INDEX "stripe_events_org_id_received_at_index" ON "stripe_events" USING btree ("org_id","received_at");