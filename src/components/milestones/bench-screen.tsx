"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { FormError } from "~/components/ui/field";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { BenchUpdate } from "./bench-update";
import { benchMilestone } from "./bench-milestone";
import { formatDay } from "./order-timeline";

/**
 * The bench page of an order, for a phone: the milestone the workshop can mark done now, with the camera
 * and the done button and nothing else. After a report it shows the next one.
 */
export function BenchScreen({ orgId, orderId, orderHref }: { orgId: string; orderId: string; orderHref: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.milestone.timeline.queryOptions({ orgId, orderId }));
  const back = (
    <Link href={orderHref} className="inline-flex items-center gap-1 text-sm text-ink-muted underline-offset-4 hover:underline">
      <ArrowLeft aria-hidden className="size-4" /> The whole order
    </Link>
  );
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the milestone" className="flex flex-col gap-3">
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="h-12 w-full" />
        <Skeleton className="h-12 w-full" />
      </div>
    );
  }
  if (query.isError) return <FormError message={query.error.message} />;
  const view = query.data;
  const milestone = benchMilestone(view);
  if (!milestone) {
    const current = view.milestones.find((m) => m.id === view.currentMilestoneId);
    const why = !current
      ? "Every milestone of this order is done."
      : current.actions.includes("record_deposit")
        ? "The deposit comes first: record the bank transfer on the order page."
        : current.status === "awaiting_approval"
          ? `${current.name} is waiting for the brand's approval.`
          : "There is nothing to report from the bench right now.";
    return (
      <div className="flex flex-col gap-3">
        <p className="text-base">{why}</p>
        {back}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-ink-muted">
        {view.order} · planned {formatDay(milestone.plannedDate)} · delivery expected {formatDay(view.plan.forecastDeliveryDate)}
        {view.plan.atRisk ? " (at risk)" : ""}
      </p>
      <BenchUpdate key={milestone.id} orgId={orgId} orderId={orderId} milestone={{ id: milestone.id, name: milestone.name }} />
      {back}
    </div>
  );
}
