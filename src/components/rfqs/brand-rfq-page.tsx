import { TRPCError } from "@trpc/server";
import { Paperclip } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PageHeader } from "~/components/portal/portal-layout";
import { formatDate, formatDay } from "~/components/sample-requests/format";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { fileUrl } from "~/lib/files";
import { can } from "~/lib/permissions";
import { QUOTE_VERSION_STATUS_LABELS, RFQ_INVITATION_STATUS_LABELS, RFQ_STATUS_LABELS, rfqNumberLabel } from "~/lib/rfq-schemas";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { CloseRfqButton, ExtendDeadlineForm, InviteFromDirectory, InviteWorkshops, SendRfqButton, UninviteButton, UpdateLineButton } from "./brand-rfq-actions";
import { INVITATION_TONE, orderLabel, RFQ_STATUS_TONE, VERSION_TONE } from "./format";
import { RfqThread } from "./rfq-thread";

export const parseNumber = (param: string) => (/^[1-9]\d{0,8}$/.test(param) ? Number(param) : null);

/** The brand's RFQ at this address, or the 404 page. */
export const loadBrandRfq = cache(async (slug: string, numberParam: string) => {
  const { org, role } = await loadPortal("brand", slug);
  const number = parseNumber(numberParam);
  if (number === null) notFound();
  const data = await (await api()).rfq.get({ orgId: org.id, number }).catch((err: unknown) => {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  });
  return { org, role, data };
});

export async function BrandRfqPage({ slug, numberParam, thread }: { slug: string; numberParam: string; thread?: string }) {
  const { org, role, data } = await loadBrandRfq(slug, numberParam);
  const { rfq, lines, invitations, attachments, actions, order } = data;
  const canManage = can(role, "rfqs.manage");
  const shortlist = canManage && (actions.includes("invite")) ? await (await api()).shortlist.list({ orgId: org.id, page: 1 }) : null;
  const invitedIds = new Set(invitations.map((i) => i.workshopOrgId));
  const candidates = (shortlist?.items ?? []).filter((e) => e.profile && !invitedIds.has(e.workshopOrgId)).map((e) => ({ id: e.workshopOrgId, name: e.workshopName }));
  const quoted = invitations.filter((i) => i.versions.some((v) => v.status === "sent")).length;
  const base = `/brand/${org.slug}/rfqs/${rfq.number}`;
  const openThread = invitations.find((i) => i.id === thread);

  return (
    <>
      <PageHeader
        title={`${rfqNumberLabel(rfq.number)} · ${rfq.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={RFQ_STATUS_TONE[rfq.status]}>{RFQ_STATUS_LABELS[rfq.status]}</Badge>
            Quotes by {formatDay(rfq.deadline)} · delivery wanted by {formatDay(rfq.targetDate)} · in {rfq.currency}
          </span>
        }
        action={
          rfq.status !== "draft" && quoted > 0 ? (
            <Button asChild>
              <Link href={`${base}/compare`}>Compare {quoted} quote{quoted === 1 ? "" : "s"}</Link>
            </Button>
          ) : undefined
        }
      />
      {order && (
        <Card className="mb-4">
          <CardBody>
            Awarded: order{" "}
            <Link className="font-medium text-brass-700 underline" href={`/brand/${org.slug}/orders/${order.id}`}>
              {orderLabel(order)}
            </Link>
            .
          </CardBody>
        </Card>
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-4">
          <Card>
            <CardHeader title="Designs" />
            <ul className="divide-y divide-line">
              {lines.map((l) => (
                <li key={l.id} className="flex flex-col gap-2 px-4 py-3">
                  <span className="font-medium">
                    {l.designName} <span className="text-ink-muted">({l.sku}) · revision {l.revisionNumber}</span>
                  </span>
                  <span className="text-sm text-ink-muted">
                    {l.quantity} pieces: {l.sizes.map((s) => `${s.size} × ${s.quantity}`).join(", ")}
                  </span>
                  {canManage && l.newerRevision && actions.includes("updateLine") && (
                    <div>
                      <UpdateLineButton orgId={org.id} lineId={l.id} revisionId={l.newerRevision.id} revisionNumber={l.newerRevision.number} designName={l.designName} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </Card>
          {rfq.notes && (
            <Card>
              <CardHeader title="Notes" />
              <CardBody className="whitespace-pre-wrap text-sm">{rfq.notes}</CardBody>
            </Card>
          )}
          {attachments.length > 0 && (
            <Card>
              <CardHeader title="Files" />
              <CardBody className="flex flex-col gap-1">
                {attachments.map((a) => (
                  <a key={a.id} href={fileUrl(a.id)} download className="inline-flex items-center gap-1 break-all text-sm text-brass-700 underline">
                    <Paperclip aria-hidden className="size-3 shrink-0" /> {a.originalName}
                  </a>
                ))}
              </CardBody>
            </Card>
          )}
          {openThread && (
            <Card>
              <CardHeader title={`Messages with ${openThread.workshopName}`} />
              <CardBody>
                <RfqThread orgId={org.id} invitationId={openThread.id} otherName={openThread.workshopName} />
              </CardBody>
            </Card>
          )}
        </div>
        <div className="flex flex-col gap-4">
          <Card>
            <CardHeader title="Workshops" description={rfq.status === "draft" ? "They receive the request when you send it." : undefined} />
            {invitations.length === 0 ? (
              <CardBody className="text-sm text-ink-muted">No workshop invited yet.</CardBody>
            ) : (
              <ul className="divide-y divide-line">
                {invitations.map((i) => {
                  const live = i.versions.find((v) => v.status === "sent" || v.status === "accepted") ?? i.versions[0];
                  return (
                    <li key={i.id} className="flex flex-col gap-1 px-4 py-3 text-sm">
                      <span className="flex items-center justify-between gap-2">
                        <span className="font-medium">{i.workshopName}</span>
                        <span className="flex items-center gap-1">
                          <Badge tone={INVITATION_TONE[i.status]}>{RFQ_INVITATION_STATUS_LABELS[i.status]}</Badge>
                          {canManage && rfq.status === "draft" && <UninviteButton orgId={org.id} invitationId={i.id} name={i.workshopName} />}
                        </span>
                      </span>
                      {i.declineReason && <span className="text-ink-muted">“{i.declineReason}”</span>}
                      {live && (
                        <span className="text-ink-muted">
                          Quote version {live.number}: <Badge tone={VERSION_TONE[live.status]}>{QUOTE_VERSION_STATUS_LABELS[live.status]}</Badge> · {live.leadTimeDays} business days · valid until {formatDay(live.validUntil)}
                        </span>
                      )}
                      {live && <VersionFiles files={live.attachments} label={`Files of ${i.workshopName}'s quote version ${live.number}`} />}
                      {i.versions.length > 1 && (
                        <details className="text-ink-muted">
                          <summary className="cursor-pointer text-brass-700">Quote history ({i.versions.length} versions)</summary>
                          <ol className="mt-1 flex flex-col gap-2 border-l border-line pl-3" aria-label={`Quote history of ${i.workshopName}`}>
                            {i.versions.map((v) => (
                              <li key={v.id} className="flex flex-col gap-0.5">
                                <span className="flex flex-wrap items-center gap-1">
                                  Version {v.number} <Badge tone={VERSION_TONE[v.status]}>{QUOTE_VERSION_STATUS_LABELS[v.status]}</Badge>
                                </span>
                                <span>
                                  {v.sentAt ? `Sent ${formatDate(v.sentAt)}` : null}
                                  {v.closedAt ? ` · closed ${formatDate(v.closedAt)}` : null} · {v.leadTimeDays} business days · {v.depositPercent}% deposit
                                </span>
                                {v.id !== live?.id && <VersionFiles files={v.attachments} label={`Files of quote version ${v.number}`} />}
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                      {i.sentAt && (
                        <Link href={`${base}?thread=${i.id}#messages`} className="text-brass-700 underline">
                          Messages{i.unread > 0 ? ` (${i.unread} unread)` : ""}
                        </Link>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
          {canManage && actions.includes("invite") && (
            <Card>
              <CardHeader title="Invite workshops" description={<Link href="/workshops" className="underline">Find more in the directory</Link>} />
              <CardBody>
                <div className="flex flex-col gap-4">
                  <InviteWorkshops orgId={org.id} rfqId={rfq.id} candidates={candidates} open={rfq.status === "open"} />
                  <InviteFromDirectory orgId={org.id} rfqId={rfq.id} invitedIds={[...invitedIds]} open={rfq.status === "open"} />
                </div>
              </CardBody>
            </Card>
          )}
          {canManage && (actions.includes("send") || actions.includes("extendDeadline") || actions.includes("close")) && (
            <Card>
              <CardBody className="flex flex-col items-start gap-2">
                {actions.includes("send") && <SendRfqButton orgId={org.id} rfqId={rfq.id} workshops={invitations.length} />}
                {actions.includes("extendDeadline") && <ExtendDeadlineForm orgId={org.id} rfqId={rfq.id} deadline={rfq.deadline} />}
                {actions.includes("close") && <CloseRfqButton orgId={org.id} rfqId={rfq.id} />}
              </CardBody>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

function VersionFiles({ files, label }: { files: { id: string; originalName: string }[]; label: string }) {
  if (files.length === 0) return null;
  return (
    <ul className="flex flex-col gap-0.5" aria-label={label}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={fileUrl(f.id)} download className="inline-flex items-center gap-1 break-all text-brass-700 underline">
            <Paperclip aria-hidden className="size-3 shrink-0" /> {f.originalName}
          </a>
        </li>
      ))}
    </ul>
  );
}
