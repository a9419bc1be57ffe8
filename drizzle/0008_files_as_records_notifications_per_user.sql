-- The photo and attachment policies of 0004 read the uuid[] columns this migration replaces with join rows:
-- they go first, and come back below reading the join rows.
DROP POLICY IF EXISTS files_published_photo ON files;
--> statement-breakpoint
DROP POLICY IF EXISTS files_sample_request_parties ON files;
--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('sample_request');--> statement-breakpoint
CREATE TYPE "public"."file_purpose" AS ENUM('artisan_photo', 'portfolio_photo', 'sample_request_attachment');--> statement-breakpoint
CREATE TABLE "portfolio_piece_photos" (
	"piece_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "portfolio_piece_photos_piece_id_file_id_pk" PRIMARY KEY("piece_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "sample_request_attachments" (
	"sample_request_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "sample_request_attachments_sample_request_id_file_id_pk" PRIMARY KEY("sample_request_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "notification_recipients" (
	"notification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notification_recipients_notification_id_user_id_pk" PRIMARY KEY("notification_id","user_id")
);
--> statement-breakpoint
DROP INDEX "files_purpose_subject_id_index";--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "purpose" SET DATA TYPE "public"."file_purpose" USING "purpose"::"public"."file_purpose";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "muted_email_kinds" "notification_kind"[] DEFAULT '{}'::notification_kind[] NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
-- Every notification so far is about a sample request.
ALTER TABLE "notifications" ADD COLUMN "kind" "notification_kind" NOT NULL DEFAULT 'sample_request';--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "kind" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "portfolio_piece_photos" ADD CONSTRAINT "portfolio_piece_photos_piece_id_portfolio_pieces_id_fk" FOREIGN KEY ("piece_id") REFERENCES "public"."portfolio_pieces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_piece_photos" ADD CONSTRAINT "portfolio_piece_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_piece_photos" ADD CONSTRAINT "portfolio_piece_photos_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request_attachments" ADD CONSTRAINT "sample_request_attachments_sample_request_id_sample_requests_id_fk" FOREIGN KEY ("sample_request_id") REFERENCES "public"."sample_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request_attachments" ADD CONSTRAINT "sample_request_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_request_attachments" ADD CONSTRAINT "sample_request_attachments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_recipients" ADD CONSTRAINT "notification_recipients_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_recipients" ADD CONSTRAINT "notification_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_recipients" ADD CONSTRAINT "notification_recipients_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_piece_photos_file_id_index" ON "portfolio_piece_photos" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "portfolio_piece_photos_org_id_index" ON "portfolio_piece_photos" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_request_attachments_file_key" ON "sample_request_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "sample_request_attachments_org_id_index" ON "sample_request_attachments" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "notification_recipients_unread_idx" ON "notification_recipients" USING btree ("user_id","org_id") WHERE "notification_recipients"."read_at" is null;--> statement-breakpoint
CREATE INDEX "files_created_at_index" ON "files" USING btree ("created_at");--> statement-breakpoint
-- Attachments move from uuid[] columns to join rows, in their order; ids that name no file are dropped.
INSERT INTO "portfolio_piece_photos" ("piece_id", "file_id", "org_id", "position")
SELECT pp."id", a."file_id", pp."org_id", a."ord" - 1
FROM "portfolio_pieces" pp, unnest(pp."photo_file_ids") WITH ORDINALITY AS a("file_id", "ord")
WHERE EXISTS (SELECT 1 FROM "files" f WHERE f."id" = a."file_id" AND f."org_id" = pp."org_id")
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "sample_request_attachments" ("sample_request_id", "file_id", "org_id", "position")
SELECT sr."id", a."file_id", sr."brand_org_id", a."ord" - 1
FROM "sample_requests" sr, unnest(sr."attachment_file_ids") WITH ORDINALITY AS a("file_id", "ord")
WHERE EXISTS (SELECT 1 FROM "files" f WHERE f."id" = a."file_id" AND f."org_id" = sr."brand_org_id")
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Read state becomes per user: each current member receives the organization's notifications so far,
-- read when the organization had read them.
INSERT INTO "notification_recipients" ("notification_id", "user_id", "org_id", "read_at")
SELECT n."id", m."user_id", n."org_id", n."read_at"
FROM "notifications" n JOIN "memberships" m ON m."org_id" = n."org_id";--> statement-breakpoint
-- A piece's cover photo shows in the directory: photo changes bump the directory version too.
CREATE CONSTRAINT TRIGGER portfolio_piece_photos_directory_version AFTER INSERT OR UPDATE OR DELETE ON portfolio_piece_photos
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_directory_version();--> statement-breakpoint
ALTER TABLE "files" DROP COLUMN "subject_id";--> statement-breakpoint
ALTER TABLE "portfolio_pieces" DROP COLUMN "photo_file_ids";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "read_at";--> statement-breakpoint
ALTER TABLE "sample_requests" DROP COLUMN "attachment_file_ids";
--> statement-breakpoint
-- Row-level security on the new join rows, the same shape as the rows they join.
ALTER TABLE portfolio_piece_photos ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE portfolio_piece_photos FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sample_request_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sample_request_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_recipients ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_recipients FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY portfolio_piece_photos_own ON portfolio_piece_photos FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY portfolio_piece_photos_published ON portfolio_piece_photos FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM workshop_profiles wp WHERE wp.org_id = portfolio_piece_photos.org_id AND wp.published_at IS NOT NULL));
--> statement-breakpoint
-- The brand attaches its own files; both parties of the request read the attachment rows.
CREATE POLICY sample_request_attachments_own ON sample_request_attachments FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY sample_request_attachments_parties ON sample_request_attachments FOR SELECT TO bezel_app
  USING (EXISTS (SELECT 1 FROM sample_requests sr WHERE sr.id = sample_request_attachments.sample_request_id));
--> statement-breakpoint
CREATE POLICY notification_recipients_own ON notification_recipients FOR ALL TO bezel_app
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY files_published_photo ON files FOR SELECT TO bezel_app
  USING (
    purpose IN ('artisan_photo', 'portfolio_photo')
    AND EXISTS (SELECT 1 FROM workshop_profiles wp WHERE wp.org_id = files.org_id AND wp.published_at IS NOT NULL)
    AND (
      EXISTS (SELECT 1 FROM workshop_artisans a WHERE a.org_id = files.org_id AND a.photo_file_id = files.id)
      OR EXISTS (SELECT 1 FROM portfolio_piece_photos ph WHERE ph.org_id = files.org_id AND ph.file_id = files.id)
    )
  );
--> statement-breakpoint
CREATE POLICY files_sample_request_parties ON files FOR SELECT TO bezel_app
  USING (purpose = 'sample_request_attachment' AND EXISTS (
    SELECT 1 FROM sample_request_attachments a JOIN sample_requests sr ON sr.id = a.sample_request_id
    WHERE a.file_id = files.id AND files.org_id IN (sr.brand_org_id, sr.workshop_org_id)
  ));
