import { Badge } from "~/components/ui/badge";
import { PREORDER_CAMPAIGN_STATUS_LABELS, type PreorderCampaignStatus } from "~/lib/preorder-vocabulary";

const TONE = { draft: "neutral", published: "success", cancelled: "danger", completed: "info" } as const;

/** The brand's decision (draft, published…) and, while published, where the window stands. */
export function CampaignStatusBadge({ status, opensAt, closesAt, now = new Date() }: { status: PreorderCampaignStatus; opensAt: Date; closesAt: Date; now?: Date }) {
  let label: string = PREORDER_CAMPAIGN_STATUS_LABELS[status];
  let tone: (typeof TONE)[keyof typeof TONE] | "brass" | "warning" = TONE[status];
  if (status === "published") {
    if (now < opensAt) [label, tone] = ["Published · opens soon", "brass"];
    else if (now >= closesAt) [label, tone] = ["Published · window closed", "warning"];
    else label = "Published · open";
  }
  return <Badge tone={tone}>{label}</Badge>;
}

export const CONSENT_LABELS = {
  not_requested: "Not asked",
  requested: "Asked, waiting for the workshop",
  granted: "Granted",
  declined: "Declined",
} as const;

export const CONSENT_TONES = { not_requested: "neutral", requested: "warning", granted: "success", declined: "danger" } as const;
