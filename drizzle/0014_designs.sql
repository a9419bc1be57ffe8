CREATE TYPE "public"."design_attachment_kind" AS ENUM('cad', 'drawing', 'sketch', 'photo');--> statement-breakpoint
CREATE TYPE "public"."design_category" AS ENUM('ring', 'pendant', 'necklace', 'earrings', 'bracelet', 'brooch', 'charm', 'other');--> statement-breakpoint
CREATE TYPE "public"."design_revision_status" AS ENUM('draft', 'approved');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'design_mention';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'design_attachment';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'collection_style_file';--> statement-breakpoint
CREATE TABLE "collection_style_files" (
	"collection_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "collection_style_files_collection_id_file_id_pk" PRIMARY KEY("collection_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"season" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"price_min_minor" bigint,
	"price_max_minor" bigint,
	"price_currency" char(3),
	"style_guide" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collections_price_range" CHECK (("collections"."price_min_minor" is null or "collections"."price_min_minor" >= 0) and ("collections"."price_max_minor" is null or "collections"."price_max_minor" >= coalesce("collections"."price_min_minor", 0))),
	CONSTRAINT "collections_price_currency" CHECK (("collections"."price_min_minor" is null and "collections"."price_max_minor" is null) or "collections"."price_currency" is not null)
);
--> statement-breakpoint
CREATE TABLE "design_revision_attachments" (
	"revision_id" uuid NOT NULL,
	"kind" "design_attachment_kind" NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "design_revision_attachments_revision_id_file_id_pk" PRIMARY KEY("revision_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "design_revision_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"mentioned_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "design_revision_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "design_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"design_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "design_revision_status" DEFAULT 'draft' NOT NULL,
	"spec" jsonb NOT NULL,
	"based_on_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by_id" uuid,
	"approved_by_name" text,
	CONSTRAINT "design_revisions_approved_when" CHECK (("design_revisions"."status" = 'approved') = ("design_revisions"."approved_at" is not null)),
	CONSTRAINT "design_revisions_number_positive" CHECK ("design_revisions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "designs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"collection_id" uuid,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"category" "design_category" NOT NULL,
	"cover_file_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collection_style_files" ADD CONSTRAINT "collection_style_files_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_style_files" ADD CONSTRAINT "collection_style_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_style_files" ADD CONSTRAINT "collection_style_files_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revision_attachments" ADD CONSTRAINT "design_revision_attachments_revision_id_design_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."design_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revision_attachments" ADD CONSTRAINT "design_revision_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revision_attachments" ADD CONSTRAINT "design_revision_attachments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revision_comments" ADD CONSTRAINT "design_revision_comments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revision_comments" ADD CONSTRAINT "design_revision_comments_revision_id_design_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."design_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revision_comments" ADD CONSTRAINT "design_revision_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revision_shares" ADD CONSTRAINT "design_revision_shares_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revision_shares" ADD CONSTRAINT "design_revision_shares_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revision_shares" ADD CONSTRAINT "design_revision_shares_revision_id_design_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."design_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revisions" ADD CONSTRAINT "design_revisions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revisions" ADD CONSTRAINT "design_revisions_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revisions" ADD CONSTRAINT "design_revisions_based_on_id_design_revisions_id_fk" FOREIGN KEY ("based_on_id") REFERENCES "public"."design_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revisions" ADD CONSTRAINT "design_revisions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_revisions" ADD CONSTRAINT "design_revisions_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designs" ADD CONSTRAINT "designs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designs" ADD CONSTRAINT "designs_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designs" ADD CONSTRAINT "designs_cover_file_id_files_id_fk" FOREIGN KEY ("cover_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designs" ADD CONSTRAINT "designs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "collection_style_files_file_key" ON "collection_style_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "collection_style_files_org_id_index" ON "collection_style_files" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "collections_org_id_created_at_index" ON "collections" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "design_revision_attachments_file_id_index" ON "design_revision_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "design_revision_attachments_org_id_index" ON "design_revision_attachments" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "design_revision_comments_revision_id_created_at_index" ON "design_revision_comments" USING btree ("revision_id","created_at");--> statement-breakpoint
CREATE INDEX "design_revision_comments_org_id_index" ON "design_revision_comments" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "design_revision_shares_revision_workshop_key" ON "design_revision_shares" USING btree ("revision_id","workshop_org_id");--> statement-breakpoint
CREATE INDEX "design_revision_shares_workshop_org_id_index" ON "design_revision_shares" USING btree ("workshop_org_id");--> statement-breakpoint
CREATE INDEX "design_revision_shares_brand_org_id_index" ON "design_revision_shares" USING btree ("brand_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "design_revisions_design_number_key" ON "design_revisions" USING btree ("design_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "design_revisions_one_draft_key" ON "design_revisions" USING btree ("design_id") WHERE "design_revisions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "design_revisions_org_id_design_id_index" ON "design_revisions" USING btree ("org_id","design_id");--> statement-breakpoint
CREATE UNIQUE INDEX "designs_org_sku_key" ON "designs" USING btree ("org_id",lower("sku"));--> statement-breakpoint
CREATE INDEX "designs_org_id_updated_at_index" ON "designs" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "designs_org_id_collection_id_index" ON "designs" USING btree ("org_id","collection_id");