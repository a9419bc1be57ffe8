import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { can, type Role } from "~/lib/permissions";
import { RFQ_STATUS_LABELS, rfqNumberLabel } from "~/lib/rfq-schemas";
import { api } from "~/trpc/server";
import { UpdateLineButton } from "./brand-rfq-actions";
import { RFQ_STATUS_TONE } from "./format";

/**
 * On a design's newest approved revision: the draft or open requests for quote that still ask for an
 * older revision of it, each with the same "Update to revision N" the RFQ page offers (and its
 * confirmation). Nothing shows when no request is behind.
 */
export async function RevisionRfqOffer({ org, role, designId, designName, revision }: { org: { id: string; slug: string }; role: Role; designId: string; designName: string; revision: { id: string; number: number } }) {
  if (!can(role, "rfqs.view")) return null;
  const { latest, lines } = await (await api()).rfq.linesForDesign({ orgId: org.id, designId });
  if (!latest || latest.id !== revision.id || lines.length === 0) return null;
  const canManage = can(role, "rfqs.manage");
  return (
    <Card className="mb-4 border-brass-300">
      <CardHeader
        title={lines.length === 1 ? "A request for quote asks for an older revision" : `${lines.length} requests for quote ask for an older revision`}
        description={canManage ? `Update a line to revision ${revision.number} so the workshops quote what you approved.` : "An owner or admin can update them."}
      />
      <ul className="divide-y divide-line">
        {lines.map((l) => (
          <li key={l.lineId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
            <span className="flex min-w-0 flex-wrap items-center gap-2">
              <Link href={`/brand/${org.slug}/rfqs/${l.rfqNumber}`} className="font-medium text-brass-700 underline">
                {rfqNumberLabel(l.rfqNumber)} · {l.rfqTitle}
              </Link>
              <Badge tone={RFQ_STATUS_TONE[l.status]}>{RFQ_STATUS_LABELS[l.status]}</Badge>
              <span className="text-ink-muted">asks for revision {l.revisionNumber}</span>
            </span>
            {canManage && <UpdateLineButton orgId={org.id} lineId={l.lineId} revisionId={revision.id} revisionNumber={revision.number} designName={designName} />}
          </li>
        ))}
      </ul>
      <CardBody className="pt-0 text-xs text-ink-muted">Updating marks quotes on the older revision outdated (they can no longer be accepted) and tells the invited workshops.</CardBody>
    </Card>
  );
}
