"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { AlertTriangle, Camera, Check } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useFormMutation } from "~/components/forms/use-form-mutation";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { FormError } from "~/components/ui/field";
import { Textarea } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { MILESTONE_STATUS_LABELS } from "~/lib/milestones";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { benchMilestone } from "./bench-milestone";
import { DepositForm } from "./deposit-form";
import { MilestoneReport } from "./milestone-report";
import { ShippingCard } from "./shipping-form";

export type OrderTimelineView = inferRouterOutputs<AppRouter>["milestone"]["timeline"];
export type MilestoneView = OrderTimelineView["milestones"][number];

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
export const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));
/** A calendar day as a whole number, for laying bars out (the dates themselves come from the server). */
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

const STATUS_TONE = { pending: "neutral", in_progress: "info", blocked: "danger", awaiting_approval: "warning", completed: "success" } as const;

/**
 * An order's milestone timeline for either party: the promise, the expected delivery and the at-risk flag;
 * per milestone a bar of its planned span and its forecast, its actual dates, notes, photos and who did
 * what; and, for the brand, approving or asking for changes where a milestone waits for it.
 */
export function OrderTimeline({ orgId, orderId, side, benchHref, depositLabel }: { orgId: string; orderId: string; side: "brand" | "workshop"; benchHref?: string; depositLabel?: string }) {
  const trpc = useTRPC();
  const options = side === "brand" ? trpc.milestone.brandTimeline.queryOptions({ orgId, orderId }) : trpc.milestone.timeline.queryOptions({ orgId, orderId });
  const query = useQuery(options);
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the timeline" className="flex flex-col gap-3">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (query.isError) return <FormError message={query.error.message} />;
  const view = query.data;
  const reportable = side === "workshop" ? benchMilestone(view) : null;
  return (
    <div className="flex flex-col gap-4">
      <DeliverySummary view={view} />
      {reportable && benchHref && (
        <Card className="border-brass-600/40">
          <CardBody className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <p className="text-xs font-medium tracking-wide text-ink-muted uppercase">Now at the bench</p>
              <p className="text-lg font-semibold">{reportable.name}</p>
              <p className="text-sm text-ink-muted">
                {MILESTONE_STATUS_LABELS[reportable.status]} · planned {formatDay(reportable.plannedDate)}
              </p>
            </div>
            <Button asChild size="lg" className="w-full sm:w-auto">
              <Link href={benchHref}>
                <Camera aria-hidden /> Report from the bench
              </Link>
            </Button>
          </CardBody>
        </Card>
      )}
      <TimelineBody orgId={orgId} view={view} depositLabel={depositLabel} />
      <ShippingCard orgId={orgId} orderId={orderId} shipping={view.plan.shipping} editable={side === "workshop" && !view.finished} />
    </div>
  );
}

/** The promise, the expected delivery and whether the order is at risk, where nobody can miss them. */
function DeliverySummary({ view }: { view: OrderTimelineView }) {
  const { plan } = view;
  const current = view.milestones.find((m) => m.id === view.currentMilestoneId);
  return (
    <section aria-label="Delivery" className={`grid gap-3 rounded-lg border p-4 sm:grid-cols-3 ${plan.atRisk ? "border-danger/40 bg-danger-soft" : "border-line bg-surface"}`}>
      <div>
        <p className="text-xs text-ink-muted">Delivery promised</p>
        <p className="text-lg font-semibold">{formatDay(plan.promisedDeliveryDate)}</p>
      </div>
      <div>
        <p className="text-xs text-ink-muted">Expected delivery</p>
        <p className={`text-lg font-semibold ${plan.atRisk ? "text-danger" : ""}`} data-testid="expected-delivery">
          {plan.shipping.deliveredOn ? `Delivered ${formatDay(plan.shipping.deliveredOn)}` : formatDay(plan.forecastDeliveryDate)}
        </p>
      </div>
      <div className="flex flex-col items-start gap-1">
        {plan.atRisk ? (
          <Badge tone="danger">
            <AlertTriangle aria-hidden className="size-3.5" /> At risk
          </Badge>
        ) : (
          <Badge tone="success">On time</Badge>
        )}
        <p className="text-sm text-ink-muted">{current ? `Now: ${current.name} (${MILESTONE_STATUS_LABELS[current.status].toLowerCase()})` : "Every milestone is done."}</p>
      </div>
    </section>
  );
}

export function TimelineBody({ orgId, view, depositLabel }: { orgId: string; view: OrderTimelineView; depositLabel?: string }) {
  const start = dayNumber(view.plan.orderDate);
  const lastDates = view.milestones.flatMap((m) => [m.plannedDate, m.forecastDate, m.completedOn ?? m.plannedDate]);
  const end = Math.max(dayNumber(view.plan.promisedDeliveryDate), dayNumber(view.plan.forecastDeliveryDate), ...lastDates.map(dayNumber));
  const span = Math.max(1, end - start);
  const at = (date: string) => `${(((dayNumber(date) - start) / span) * 100).toFixed(2)}%`;
  const width = (from: string, to: string) => `${(Math.max(0.6, ((dayNumber(to) - dayNumber(from)) / span) * 100)).toFixed(2)}%`;
  return (
    <Card>
      <CardHeader
        title={`Milestones of ${view.order}`}
        description={`Ordered ${formatDay(view.plan.orderDate)}, ${view.plan.leadTimeDays} business days. Delivery promised ${formatDay(view.plan.promisedDeliveryDate)}.`}
        action={
          view.plan.atRisk ? (
            <Badge tone="danger">
              <AlertTriangle aria-hidden className="size-3.5" /> At risk: expected {formatDay(view.plan.forecastDeliveryDate)}
            </Badge>
          ) : (
            <Badge tone="success">Expected {formatDay(view.plan.forecastDeliveryDate)}</Badge>
          )
        }
      />
      <CardBody className="flex flex-col gap-4">
        <p className="flex flex-wrap gap-4 text-xs text-ink-muted" aria-hidden>
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-2 w-5 rounded bg-line" /> planned
          </span>
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-2 w-5 rounded border-2 border-brass-600" /> forecast
          </span>
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-2 w-5 rounded bg-success" /> done
          </span>
        </p>
        <ol className="flex flex-col divide-y divide-line">
          {view.milestones.map((m, i) => {
            const plannedFrom = i === 0 ? view.plan.orderDate : view.milestones[i - 1]!.plannedDate;
            const forecastFrom = i === 0 ? view.plan.orderDate : view.milestones[i - 1]!.forecastDate;
            return (
              <li key={m.id} id={`milestone-${m.id}`} className="flex scroll-mt-20 flex-col gap-2 py-3" aria-current={view.currentMilestoneId === m.id ? "step" : undefined}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-medium">
                    {i + 1}. {m.name}
                    {m.needsApproval && <span className="ml-2 text-xs font-normal text-ink-muted">needs the brand&apos;s approval</span>}
                  </p>
                  <Badge tone={STATUS_TONE[m.status]}>{m.status === "completed" ? <Check aria-hidden className="size-3.5" /> : null}{MILESTONE_STATUS_LABELS[m.status]}</Badge>
                </div>
                <div className="relative h-5 rounded bg-sunken" role="img" aria-label={barLabel(m)}>
                  <span className="absolute top-1 h-1.5 rounded bg-line" style={{ left: at(plannedFrom), width: width(plannedFrom, m.plannedDate) }} />
                  {m.status === "completed" ? (
                    <span className="absolute bottom-0.5 h-1.5 rounded bg-success" style={{ left: at(forecastFrom), width: width(forecastFrom, m.completedOn ?? m.forecastDate) }} />
                  ) : (
                    <span className="absolute bottom-0.5 h-1.5 rounded border-2 border-brass-600" style={{ left: at(forecastFrom), width: width(forecastFrom, m.forecastDate) }} />
                  )}
                </div>
                <dl className="grid grid-cols-3 gap-2 text-xs text-ink-muted">
                  <div>
                    <dt>Planned</dt>
                    <dd className="text-ink">{formatDay(m.plannedDate)}</dd>
                  </div>
                  <div>
                    <dt>{m.status === "completed" ? "Done" : "Forecast"}</dt>
                    <dd className={m.forecastDate > m.plannedDate ? "font-medium text-danger" : "text-ink"}>{formatDay(m.completedOn ?? m.forecastDate)}</dd>
                  </div>
                  <div>
                    <dt>Started</dt>
                    <dd className="text-ink">{m.startedOn ? formatDay(m.startedOn) : "—"}</dd>
                  </div>
                </dl>
                {m.updates.length > 0 && (
                  <ul className="flex flex-col gap-2 border-l-2 border-line pl-3">
                    {m.updates.map((u) => (
                      <li key={u.id} className="text-sm">
                        <p className="text-xs text-ink-muted">
                          {formatDay(u.happenedOn)} · {u.by.name} ({u.by.org}) · {MILESTONE_STATUS_LABELS[u.toStatus]}
                        </p>
                        {u.note && <p className="whitespace-pre-line">{u.note}</p>}
                        {u.photos.length > 0 && (
                          <div className="mt-1 flex flex-wrap gap-2">
                            {u.photos.map((p) => (
                              <a key={p.id} href={p.url} target="_blank" rel="noreferrer" className="block">
                                <img src={p.thumbUrl} alt={`Work in progress: ${p.name}`} className="size-20 rounded object-cover" loading="lazy" />
                              </a>
                            ))}
                          </div>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {(m.actions.includes("approve") || m.actions.includes("request_changes")) && <ApprovalControls orgId={orgId} orderId={view.orderId} milestone={m} />}
                {(m.actions.includes("start") || m.actions.includes("complete") || m.actions.includes("block")) && <MilestoneReport orgId={orgId} orderId={view.orderId} milestone={m} />}
                {m.actions.includes("record_deposit") && <DepositForm orgId={orgId} orderId={view.orderId} depositLabel={depositLabel ?? "the deposit"} />}
              </li>
            );
          })}
        </ol>
      </CardBody>
    </Card>
  );
}

function barLabel(m: MilestoneView) {
  const done = m.completedOn ? `done ${formatDay(m.completedOn)}` : `forecast ${formatDay(m.forecastDate)}`;
  return `${m.name}: planned ${formatDay(m.plannedDate)}, ${done}`;
}

/** The brand's answer on a milestone waiting for its approval; asking for changes needs a note. */
function ApprovalControls({ orgId, orderId, milestone }: { orgId: string; orderId: string; milestone: MilestoneView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reload = () => queryClient.invalidateQueries({ queryKey: trpc.milestone.brandTimeline.queryKey({ orgId, orderId }) });
  const approve = useFormMutation(trpc.milestone.approve.mutationOptions(), { success: `${milestone.name} approved.`, onSuccess: reload });
  const changes = useFormMutation(trpc.milestone.requestChanges.mutationOptions(), { success: "Changes asked for.", onSuccess: reload });
  const noteId = `approval-note-${milestone.id}`;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-line bg-sunken p-3">
      <label htmlFor={noteId} className="text-sm font-medium">
        Your note on {milestone.name}
      </label>
      <Textarea id={noteId} rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${noteId}-error` : undefined} />
      {error && (
        <p id={`${noteId}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog
          trigger={
            <Button type="button" loading={approve.pending}>
              Approve…
            </Button>
          }
          title={`Approve ${milestone.name}?`}
          description="The workshop goes on with the next steps. An approval cannot be taken back."
          confirmLabel="Approve"
          destructive={false}
          onConfirm={() => approve.run({ orgId, milestoneId: milestone.id, note })}
        />
        <Button
          type="button"
          variant="secondary"
          loading={changes.pending}
          onClick={() => {
            if (!note.trim()) {
              setError("Say what should change.");
              return;
            }
            setError(null);
            void changes.run({ orgId, milestoneId: milestone.id, note });
          }}
        >
          Ask for changes
        </Button>
      </div>
    </div>
  );
}
