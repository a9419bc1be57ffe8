import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { PREORDER_CAMPAIGN_STATUS_LABELS, type ArtisanConsentState, type PreorderCampaignStatus } from "~/lib/preorder-vocabulary";
import { ConsentPanel } from "./consent-panel";

export type WorkshopCampaignView = {
  id: string;
  title: string;
  status: PreorderCampaignStatus;
  brandName: string;
  design: { name: string; revisionNumber: number } | null;
  window: string;
  windowState: "upcoming" | "open" | "ended";
  expected: string;
  forecast: string | null;
  totalCap: number;
  heldUnits: number;
  paidUnits: number;
  sizes: { size: string; cap: number | null; heldUnits: number; paidUnits: number }[];
  showArtisans: boolean;
  artisansConsent: ArtisanConsentState;
  artisans: { name: string; role: string }[];
};

const STATUS_TONE: Record<PreorderCampaignStatus, "neutral" | "success" | "danger" | "info"> = { draft: "neutral", published: "success", cancelled: "danger", completed: "info" };
const WINDOW_LABEL = { upcoming: "opens soon", open: "open now", ended: "closed" } as const;

/** One campaign as the workshop sees it: the brand, the design, the window, the delivery, units by size. */
export function WorkshopCampaignCard({ orgId, campaign: c }: { orgId: string; campaign: WorkshopCampaignView }) {
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {c.title} <Badge tone={STATUS_TONE[c.status]}>{PREORDER_CAMPAIGN_STATUS_LABELS[c.status]}</Badge>
          </span>
        }
        description={`For ${c.brandName}`}
      />
      <CardBody className="flex flex-col gap-4 text-sm">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-ink-muted">Design</dt>
            <dd>{c.design ? `${c.design.name}, revision ${c.design.revisionNumber}` : "Not shared with you yet (it comes with a request for quote)"}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">Window</dt>
            <dd>
              {c.window}
              {c.status === "published" ? ` · ${WINDOW_LABEL[c.windowState]}` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-ink-muted">Delivery promised to customers</dt>
            <dd>{c.forecast ? `${c.forecast} (forecast of the order; stated at first: ${c.expected})` : c.expected}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">Units</dt>
            <dd>
              {c.paidUnits} paid · {c.heldUnits} awaiting payment · cap {c.totalCap}
            </dd>
          </div>
        </dl>
        <SizesTable sizes={c.sizes} />
        <ConsentPanel orgId={orgId} campaignId={c.id} title={c.title} brandName={c.brandName} consent={c.artisansConsent} showArtisans={c.showArtisans} artisans={c.artisans} />
      </CardBody>
    </Card>
  );
}

function SizesTable({ sizes }: { sizes: WorkshopCampaignView["sizes"] }) {
  if (sizes.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[18rem] text-left">
        <caption className="sr-only">Units by size</caption>
        <thead className="text-ink-muted">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Size
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              Paid
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              Awaiting payment
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Cap
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line tabular-nums">
          {sizes.map((s) => (
            <tr key={s.size}>
              <th scope="row" className="py-1 pr-4 font-normal">
                {s.size === "" ? "One size" : s.size}
              </th>
              <td className="py-1 pr-4 text-right">{s.paidUnits}</td>
              <td className="py-1 pr-4 text-right">{s.heldUnits}</td>
              <td className="py-1 text-right">{s.cap ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
