import { FileText } from "lucide-react";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { fileUrl } from "~/lib/files";
import { SAMPLE_STATUS_LABELS, type SampleStatus } from "~/lib/sample-request-schemas";
import { formatDateTime, formatDay, formatFee } from "./format";
import { SampleStatusBadge } from "./sample-status";

/** The fields of a request both sides see (the workshop's procedure output has exactly these and more). */
export type SharedSample = {
  status: SampleStatus;
  description: string;
  quantity: number;
  note: string;
  pieceTitle: string | null;
  brandName: string;
  workshopName: string;
  workshopSlug: string;
  feeMinor: number | null;
  feeCurrency: string | null;
  expectedShipDate: string | null;
  declineReason: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  createdAt: Date;
  respondedAt: Date | null;
  shippedAt: Date | null;
  receivedAt: Date | null;
  attachments: { id: string; originalName: string; contentType: string; byteSize: number }[];
  timeline: { id: string; status: SampleStatus; message: string; createdAt: Date; actorName: string | null; side: "brand" | "workshop" }[];
};

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 py-2.5 first:pt-0 last:pb-0 sm:grid-cols-[10rem_1fr] sm:gap-3">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / (1024 * 1024)).toFixed(1)} MB`);

export function SampleDetailsCard({ sample, side }: { sample: SharedSample; side: "brand" | "workshop" }) {
  const described = sample.pieceTitle && sample.description !== sample.pieceTitle ? sample.description : null;
  return (
    <Card>
      <CardHeader title="The request" />
      <CardBody>
        <dl className="divide-y divide-line">
          {side === "brand" ? (
            <Row label="Workshop">
              <Link href={`/workshops/${sample.workshopSlug}`} className="font-medium text-brass-700 hover:underline">
                {sample.workshopName}
              </Link>
            </Row>
          ) : (
            <Row label="Brand">
              <span className="font-medium">{sample.brandName}</span>
            </Row>
          )}
          {sample.pieceTitle ? (
            <Row label="Portfolio piece">{sample.pieceTitle}</Row>
          ) : (
            <Row label="Design">
              <span className="whitespace-pre-line">{sample.description}</span>
            </Row>
          )}
          {described && (
            <Row label="Details">
              <span className="whitespace-pre-line">{described}</span>
            </Row>
          )}
          <Row label="Quantity">
            {sample.quantity} {sample.quantity === 1 ? "piece" : "pieces"}
          </Row>
          {sample.note && (
            <Row label="Note">
              <span className="whitespace-pre-line">{sample.note}</span>
            </Row>
          )}
          {sample.attachments.length > 0 && (
            <Row label="Attachments">
              <ul className="flex flex-col gap-1">
                {sample.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={fileUrl(a.id)} target="_blank" rel="noreferrer" className="inline-flex items-center gap-2 text-brass-700 hover:underline">
                      {a.contentType.startsWith("image/") ? (
                        // A plain img: the file is private and needs the session cookie, which the optimizer would not send.
                        <img src={fileUrl(a.id, "thumb")} alt="" className="size-12 shrink-0 rounded-sm border border-line object-cover" loading="lazy" />
                      ) : (
                        <FileText className="size-4 shrink-0" aria-hidden />
                      )}
                      <span className="break-all">{a.originalName}</span>
                      <span className="text-sm text-ink-subtle">({kb(a.byteSize)})</span>
                    </a>
                  </li>
                ))}
              </ul>
            </Row>
          )}
          <Row label="Requested">{formatDateTime(sample.createdAt)}</Row>
        </dl>
      </CardBody>
    </Card>
  );
}

export function SampleStatusCard({ sample, children }: { sample: SharedSample; children?: React.ReactNode }) {
  const fee = formatFee(sample.feeMinor, sample.feeCurrency);
  return (
    <Card>
      <CardHeader title="Status" action={<SampleStatusBadge status={sample.status} />} />
      <CardBody className="flex flex-col gap-4">
        {(fee || sample.expectedShipDate || sample.trackingNumber || sample.declineReason) && (
          <dl className="divide-y divide-line">
            {fee && <Row label="Sample fee">{fee}</Row>}
            {sample.expectedShipDate && sample.status === "accepted" && <Row label="Expected to ship">{formatDay(sample.expectedShipDate)}</Row>}
            {sample.trackingNumber && (
              <Row label="Tracking">
                {sample.carrier} · <span className="font-mono">{sample.trackingNumber}</span>
              </Row>
            )}
            {sample.shippedAt && <Row label="Shipped">{formatDateTime(sample.shippedAt)}</Row>}
            {sample.receivedAt && <Row label="Received">{formatDateTime(sample.receivedAt)}</Row>}
            {sample.declineReason && (
              <Row label="Reason for declining">
                <span className="whitespace-pre-line">{sample.declineReason}</span>
              </Row>
            )}
          </dl>
        )}
        {children}
      </CardBody>
    </Card>
  );
}

const VERB: Record<SampleStatus, string> = {
  requested: "requested the sample",
  accepted: "accepted",
  declined: "declined",
  cancelled: "cancelled the request",
  shipped: "shipped the sample",
  received: "received the sample",
};

/** What happened, oldest first: the same timeline on both sides. */
export function SampleTimeline({ sample }: { sample: SharedSample }) {
  return (
    <Card>
      <CardHeader title="Timeline" />
      <CardBody>
        <ol className="relative flex flex-col gap-5 border-l border-line pl-5">
          {sample.timeline.map((u) => (
            <li key={u.id} className="relative">
              <span className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full bg-brass-500 ring-4 ring-surface" aria-hidden />
              <p className="text-sm">
                <span className="font-medium">{u.actorName ?? "Someone"}</span>{" "}
                <span className="text-ink-muted">({u.side === "brand" ? sample.brandName : sample.workshopName})</span> {VERB[u.status]}
                <span className="sr-only"> — status {SAMPLE_STATUS_LABELS[u.status]}</span>
              </p>
              <p className="text-xs text-ink-subtle">
                <time dateTime={u.createdAt.toISOString()}>{formatDateTime(u.createdAt)}</time>
              </p>
              {u.message && <p className="mt-1 rounded-md bg-sunken px-3 py-2 text-sm whitespace-pre-line">{u.message}</p>}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
