CREATE TYPE "public"."invitation_revoked_reason" AS ENUM('withdrawn', 'replaced');--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "revoked_reason" "invitation_revoked_reason";