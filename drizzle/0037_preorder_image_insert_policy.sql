-- The insert policy of campaign images asked whether the file is the brand's by reading `files`, whose own
-- policy `files_preorder_shown` reads `preorder_campaign_images`: PostgreSQL refused every insert with
-- "infinite recursion detected in policy". The ownership question is asked of a security-definer function
-- instead, which answers yes or no for one file and one organization (the policy requires that
-- organization to be the caller's own), so nothing else of `files` is read through it.
CREATE OR REPLACE FUNCTION preorder_image_file_owned(p_file uuid, p_org uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM files f WHERE f.id = p_file AND f.org_id = p_org)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION preorder_image_file_owned(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION preorder_image_file_owned(uuid, uuid) TO bezel_app;
--> statement-breakpoint
DROP POLICY preorder_campaign_images_brand_adds ON preorder_campaign_images;
--> statement-breakpoint
CREATE POLICY preorder_campaign_images_brand_adds ON preorder_campaign_images FOR INSERT TO bezel_app
  WITH CHECK (
    org_id = app_org_id()
    AND EXISTS (SELECT 1 FROM preorder_campaigns c WHERE c.id = preorder_campaign_images.campaign_id AND c.brand_org_id = preorder_campaign_images.org_id)
    AND preorder_image_file_owned(preorder_campaign_images.file_id, preorder_campaign_images.org_id)
    AND (kind = 'progress') = (milestone_photo_file_id IS NOT NULL)
    AND (milestone_photo_file_id IS NULL OR EXISTS (
      SELECT 1 FROM order_milestone_photos p
      JOIN order_milestone_updates u ON u.id = p.update_id
      JOIN preorder_campaigns c ON c.id = preorder_campaign_images.campaign_id
      WHERE p.file_id = preorder_campaign_images.milestone_photo_file_id AND u.order_id = c.order_id AND u.brand_org_id = c.brand_org_id))
  );
