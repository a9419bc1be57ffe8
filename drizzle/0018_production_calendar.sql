CREATE TYPE "public"."holiday_change_kind" AS ENUM('added', 'removed');--> statement-breakpoint
CREATE TYPE "public"."public_day_kind" AS ENUM('holiday', 'working_day');--> statement-breakpoint
CREATE TABLE "calendar_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_closures_order" CHECK ("calendar_closures"."starts_on" <= "calendar_closures"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "calendar_holiday_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"date" date NOT NULL,
	"change" "holiday_change_kind" NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_working_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"date" date NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "production_calendars" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"working_weekdays" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL,
	"holiday_country" char(2) NOT NULL,
	"holidays_reviewed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "production_calendars_weekdays" CHECK (cardinality("production_calendars"."working_weekdays") between 1 and 7 and "production_calendars"."working_weekdays" <@ '{1,2,3,4,5,6,7}'::smallint[])
);
--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" char(2) NOT NULL,
	"date" date NOT NULL,
	"label" text NOT NULL,
	"kind" "public_day_kind" DEFAULT 'holiday' NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_closures" ADD CONSTRAINT "calendar_closures_org_id_production_calendars_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."production_calendars"("org_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_holiday_changes" ADD CONSTRAINT "calendar_holiday_changes_org_id_production_calendars_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."production_calendars"("org_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_working_days" ADD CONSTRAINT "calendar_working_days_org_id_production_calendars_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."production_calendars"("org_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_calendars" ADD CONSTRAINT "production_calendars_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_closures_org_id_starts_on_index" ON "calendar_closures" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_holiday_changes_org_date_key" ON "calendar_holiday_changes" USING btree ("org_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_working_days_org_date_key" ON "calendar_working_days" USING btree ("org_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "public_holidays_country_date_key" ON "public_holidays" USING btree ("country","date");--> statement-breakpoint
-- Every workshop gets its calendar; its working days move here from the public profile.
INSERT INTO "production_calendars" ("org_id", "working_weekdays", "holiday_country")
SELECT o."id", coalesce(nullif(wp."working_days", '{}'::smallint[]), '{1,2,3,4,5}'::smallint[]), o."country"
FROM "organizations" o LEFT JOIN "workshop_profiles" wp ON wp."org_id" = o."id"
WHERE o."kind" = 'workshop';--> statement-breakpoint
ALTER TABLE "workshop_profiles" DROP COLUMN "working_days";