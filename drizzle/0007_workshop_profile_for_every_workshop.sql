-- A workshop organization gets its profile row when it is created; reading the profile no longer creates
-- it. Workshops created before that rule get theirs here.
INSERT INTO "workshop_profiles" ("org_id", "name", "country")
SELECT o."id", o."name", o."country"
FROM "organizations" o
WHERE o."kind" = 'workshop'
  AND NOT EXISTS (SELECT 1 FROM "workshop_profiles" p WHERE p."org_id" = o."id");
