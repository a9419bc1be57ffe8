ALTER TYPE "public"."notification_kind" ADD VALUE 'review';--> statement-breakpoint
CREATE TABLE "order_reviews" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"brand_org_id" uuid NOT NULL,
	"workshop_org_id" uuid NOT NULL,
	"brand_name" text NOT NULL,
	"author_id" uuid,
	"quality" smallint NOT NULL,
	"communication" smallint NOT NULL,
	"timeliness" smallint NOT NULL,
	"body" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_id" uuid,
	"published_at" timestamp with time zone DEFAULT now(),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_reviews_ratings" CHECK ("order_reviews"."quality" between 1 and 5 and "order_reviews"."communication" between 1 and 5 and "order_reviews"."timeliness" between 1 and 5),
	CONSTRAINT "order_reviews_answered" CHECK (("order_reviews"."answer" is null) = ("order_reviews"."answered_at" is null))
);
--> statement-breakpoint
ALTER TABLE "order_plans" ADD COLUMN "late_business_days" integer;--> statement-breakpoint
ALTER TABLE "order_reviews" ADD CONSTRAINT "order_reviews_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_reviews" ADD CONSTRAINT "order_reviews_brand_org_id_organizations_id_fk" FOREIGN KEY ("brand_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_reviews" ADD CONSTRAINT "order_reviews_workshop_org_id_organizations_id_fk" FOREIGN KEY ("workshop_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_reviews" ADD CONSTRAINT "order_reviews_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_reviews" ADD CONSTRAINT "order_reviews_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_reviews_workshop_org_id_created_at_index" ON "order_reviews" USING btree ("workshop_org_id","created_at");--> statement-breakpoint
CREATE INDEX "order_reviews_brand_org_id_index" ON "order_reviews" USING btree ("brand_org_id");