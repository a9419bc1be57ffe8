import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { can } from "~/lib/permissions";
import { PAYOUTS_NOT_READY } from "~/server/services/preorder-campaigns";
import { DeleteDraft, PublishCampaign } from "./campaign-actions";
import { CampaignForm } from "./campaign-form";
import { CampaignImages } from "./campaign-images";
import { CONSENT_LABELS, CONSENT_TONES } from "./campaign-status";
import { loadCampaign } from "./loaders";

const CONSENT_EXPLAINED = {
  not_requested: "Tick “Show the workshop's artisans” and save to ask the workshop.",
  requested: "The workshop is asked in its portal. Until it agrees, the page does not show its artisans.",
  granted: "The page shows the workshop's artisans.",
  declined: "The workshop declined: the page does not show its artisans. To ask once more, untick the box and save, then tick it and save again.",
} as const;

/** The editor of one campaign: publishing, the artisans' consent, every field the service lets change, and the images. */
export async function CampaignEditorPage({ orgSlug, campaignId }: { orgSlug: string; campaignId: string }) {
  const { org, role, campaign } = await loadCampaign(orgSlug, campaignId);
  const manage = can(role, "preorders.manage");
  const ended = campaign.status === "cancelled" || campaign.status === "completed";
  const readOnly = !manage ? "Your role can view this campaign; an owner or admin of your brand edits it." : ended ? `A ${campaign.status} campaign can't be edited.` : null;
  const ids = { orgId: org.id, orgSlug: org.slug, campaignId: campaign.id };

  return (
    <div className="flex flex-col gap-6">
      {campaign.status === "draft" && manage && (
        <Card>
          <CardHeader title="Draft" description="Only your brand sees it. Publish to open its page to customers." action={<DeleteDraft {...ids} title={campaign.title} />} />
          <CardBody>
            <PublishCampaign {...ids} payoutsReady={campaign.payoutsReady} payoutsMessage={PAYOUTS_NOT_READY} />
          </CardBody>
        </Card>
      )}

      {campaign.workshop && (
        <Card>
          <CardHeader title="The workshop's artisans" description={`${campaign.workshop.name} makes this piece.`} />
          <CardBody className="flex flex-col gap-2 text-sm">
            {campaign.showArtisans ? (
              <>
                <p className="flex flex-wrap items-center gap-2">
                  Consent <Badge tone={CONSENT_TONES[campaign.artisansConsent]}>{CONSENT_LABELS[campaign.artisansConsent]}</Badge>
                </p>
                <p className="text-ink-muted">{CONSENT_EXPLAINED[campaign.artisansConsent]}</p>
              </>
            ) : (
              <p className="text-ink-muted">The page does not show the workshop&apos;s artisans. Tick the box below and save to ask the workshop.</p>
            )}
          </CardBody>
        </Card>
      )}

      <CampaignForm
        orgId={org.id}
        orgSlug={org.slug}
        revisions={[]}
        workshops={campaign.workshops}
        timeZone={org.timeZone}
        campaign={campaign}
        readOnly={readOnly ?? undefined}
      />

      <Card>
        <CardHeader title="Images" description="In the order the page shows them; the first is the cover and the preview when the page is shared." />
        <CardBody>
          <CampaignImages orgId={org.id} campaignId={campaign.id} images={campaign.images} sketches={campaign.sketches} readOnly={readOnly} />
        </CardBody>
      </Card>
    </div>
  );
}
