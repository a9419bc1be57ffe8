CREATE TYPE "public"."sample_request_status" AS ENUM('requested', 'accepted', 'declined', 'shipped', 'received', 'cancelled');--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"subject_id" uuid,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"width" integer,
	"height" integer,
	"variants" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_pieces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"metals" text[] DEFAULT '{}'::text[] NOT NULL,
	"techniques" text[] DEFAULT '{}'::text[] NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_artisans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"photo_file_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"country" text NOT NULL,
	"capabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"metals" text[] DEFAULT '{}'::text[] NOT NULL,
	"gemstone_work" text[] DEFAULT '{}'::text[] NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"working_days" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL,
	"moq_per_design" integer,
	"lead_time_min_days" integer,
	"lead_time_max_days" integer,
	"monthly_capacity" integer,
	"published_at" timestamp with time zone,
	"search" "tsvector",
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_profiles_moq_positive" CHECK ("workshop_profiles"."moq_per_design" is null or "workshop_profiles"."moq_per_design" > 0),
	CONSTRAINT "workshop_profiles_lead_time_order" CHECK ("workshop_profiles"."lead_time_min_days" is null or "workshop_profiles"."lead_time_max_days" is null or "workshop_profiles"."lead_time_min_days" <= "workshop_profiles"."lead_time_max_days")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"href" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_evaluations" (
	"sample_request_id" uuid PRIMARY KEY NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"quality" smallint NOT NULL,
	"finish" smallint NOT NULL,
	"communication" smallint NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"evaluated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sample_evaluations_scores" CHECK ("sample_evaluations"."quality" between 1 and 5 and "sample_evaluations"."finish" between 1 and 5 and "sample_evaluations"."communication" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "sample_request_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_request_id" uuid NOT NULL,
	"actor_org_id" uuid NOT NULL,
	"actor_id" uuid,
	"status" "sample_request_status" NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"portfolio_piece_id" uuid,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"attachment_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" "sample_request_status" DEFAULT 'requested' NOT NULL,
	"fee_minor" bigint,
	"fee_currency" char(3),
	"expected_ship_date" date,
	"decline_reason" text,
	"tracking_number" text,
	"carrier" text,
	"requested_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sample_requests_quantity_positive" CHECK ("sample_requests"."quantity" between 1 and 100),
	CONSTRAINT "sample_requests_fee_non_negative" CHECK ("sample_requests"."fee_minor" is null or "sample_requests"."fee_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "shortlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_pieces" ADD CONSTRAINT "portfolio_pieces_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_artisans" ADD CONSTRAINT "workshop_artisans_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_artisans" ADD CONSTRAINT "workshop_artisans_photo_file_id_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_profiles" ADD CONSTRAINT "workshop_profiles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_evaluations" ADD CONSTRAINT "sample_evaluations_sample_request_id_sample_requests_id_fk" FOREIGN KEY ("sample_request_id") REFERENCES "public"."sample_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_evaluations" ADD CONSTRAINT "sample_evaluations_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_evaluations" ADD CONSTRAINT "sample_evaluations_evaluated_by_id_users_id_fk" FOREIGN KEY ("evaluated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request_updates" ADD CONSTRAINT "sample_request_updates_sample_request_id_sample_requests_id_fk" FOREIGN KEY ("sample_request_id") REFERENCES "public"."sample_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request_updates" ADD CONSTRAINT "sample_request_updates_actor_org_id_organizations_id_fk" FOREIGN KEY ("actor_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request_updates" ADD CONSTRAINT "sample_request_updates_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_requests" ADD CONSTRAINT "sample_requests_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_requests" ADD CONSTRAINT "sample_requests_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_requests" ADD CONSTRAINT "sample_requests_portfolio_piece_id_portfolio_pieces_id_fk" FOREIGN KEY ("portfolio_piece_id") REFERENCES "public"."portfolio_pieces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_requests" ADD CONSTRAINT "sample_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlist_entries" ADD CONSTRAINT "shortlist_entries_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlist_entries" ADD CONSTRAINT "shortlist_entries_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_org_id_created_at_index" ON "files" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "files_purpose_subject_id_index" ON "files" USING btree ("purpose","subject_id");--> statement-breakpoint
CREATE INDEX "portfolio_pieces_org_id_position_index" ON "portfolio_pieces" USING btree ("org_id","position");--> statement-breakpoint
CREATE INDEX "workshop_artisans_org_id_position_index" ON "workshop_artisans" USING btree ("org_id","position");--> statement-breakpoint
CREATE INDEX "workshop_profiles_search_idx" ON "workshop_profiles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "workshop_profiles_capabilities_idx" ON "workshop_profiles" USING gin ("capabilities");--> statement-breakpoint
CREATE INDEX "workshop_profiles_metals_idx" ON "workshop_profiles" USING gin ("metals");--> statement-breakpoint
CREATE INDEX "workshop_profiles_published_idx" ON "workshop_profiles" USING btree ("published_at") WHERE "workshop_profiles"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "notifications_org_id_created_at_index" ON "notifications" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "sample_evaluations_brand_org_id_index" ON "sample_evaluations" USING btree ("brand_org_id");--> statement-breakpoint
CREATE INDEX "sample_request_updates_sample_request_id_created_at_index" ON "sample_request_updates" USING btree ("sample_request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_requests_brand_number_key" ON "sample_requests" USING btree ("brand_org_id","number");--> statement-breakpoint
CREATE INDEX "sample_requests_brand_org_id_created_at_index" ON "sample_requests" USING btree ("brand_org_id","created_at");--> statement-breakpoint
CREATE INDEX "sample_requests_workshop_org_id_status_created_at_index" ON "sample_requests" USING btree ("workshop_org_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shortlist_entries_brand_workshop_key" ON "shortlist_entries" USING btree ("brand_org_id","workshop_org_id");--> statement-breakpoint
CREATE INDEX "shortlist_entries_brand_org_id_created_at_index" ON "shortlist_entries" USING btree ("brand_org_id","created_at");