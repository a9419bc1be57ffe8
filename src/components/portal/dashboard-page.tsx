import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { BrandOrdersOverview, WorkshopOrdersOverview } from "~/components/orders/order-dashboards";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { OrganizationKind } from "~/lib/organizations";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { ActivityItem } from "./activity-item";
import { PageHeader } from "./portal-layout";

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const sinceFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export async function DashboardPage({ kind, slug }: { kind: OrganizationKind; slug: string }) {
  const { org, user } = await loadPortal(kind, slug);
  const caller = await api();
  const [checklist, inbox, activity] = await Promise.all([
    caller.organization.checklist({ orgId: org.id }),
    caller.organization.inbox({ orgId: org.id }),
    caller.activity.list({ orgId: org.id, limit: 6 }),
  ]);
  const done = checklist.filter((i) => i.done).length;
  // The getting-started list stays only until it is done.
  const showChecklist = done < checklist.length;
  return (
    <>
      <PageHeader title={`Good to see you, ${user.name.split(" ")[0]}`} description={`${org.name} · ${kind === "brand" ? "Brand" : "Workshop"} portal`} />
      {kind === "brand" ? <BrandOrdersOverview orgId={org.id} slug={org.slug} /> : <WorkshopOrdersOverview orgId={org.id} slug={org.slug} />}
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader title="Waiting on you" description={inbox.counts.samples === 0 ? "Nothing waits on you right now." : `${inbox.counts.samples} to do`} />
          {inbox.items.length === 0 ? (
            <CardBody>
              <p className="py-4 text-center text-sm text-ink-muted">{kind === "brand" ? "Samples to receive and evaluate will show here." : "Sample requests to answer and samples to ship will show here."}</p>
            </CardBody>
          ) : (
            <ul className="divide-y divide-line" aria-label="To-dos">
              {inbox.items.map((item) => (
                <li key={item.key}>
                  <Link href={item.href} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 px-5 py-4 hover:bg-sunken/60">
                    <span className="min-w-0">
                      <span className="block font-medium break-words">{item.title}</span>
                      <span className="block text-sm break-words text-ink-muted">{item.description}</span>
                    </span>
                    <span className={item.overdue ? "shrink-0 text-sm font-medium text-danger" : "shrink-0 text-sm text-ink-muted"}>
                      {item.due ? `${item.overdue ? "Overdue since" : "Due"} ${dayFormat.format(new Date(`${item.due}T00:00:00Z`))}` : `Waiting since ${sinceFormat.format(item.since)}`}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {showChecklist && (
          <Card className="lg:col-span-3 lg:row-start-2">
            <CardHeader
              title="Getting started"
              description={`${done} of ${checklist.length} done`}
              action={
                <div className="h-2 w-28 overflow-hidden rounded-full bg-sunken" role="progressbar" aria-valuemin={0} aria-valuemax={checklist.length} aria-valuenow={done} aria-label="Getting started progress">
                  <div className="h-full bg-brass-500" style={{ width: `${(done / checklist.length) * 100}%` }} />
                </div>
              }
            />
            <ol className="divide-y divide-line">
              {checklist.map((item) => (
                <li key={item.key}>
                  <Link href={item.href} className="flex gap-3 px-5 py-4 hover:bg-sunken/60">
                    {item.done ? <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-success" aria-label="Done" /> : <Circle className="mt-0.5 size-5 shrink-0 text-line-strong" aria-label="To do" />}
                    <span>
                      <span className={item.done ? "block font-medium text-ink-muted line-through decoration-line-strong" : "block font-medium"}>{item.title}</span>
                      <span className="block text-sm text-ink-muted">{item.description}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          </Card>
        )}
        <Card className="lg:col-span-2 lg:col-start-4 lg:row-span-2 lg:row-start-1">
          <CardHeader
            title="Recent activity"
            action={
              <Link href={`/${kind}/${org.slug}/settings/activity`} className="text-sm font-medium text-brass-700 hover:underline">
                View all
              </Link>
            }
          />
          <CardBody className="py-2">
            {activity.items.length === 0 ? (
              <p className="py-6 text-center text-sm text-ink-muted">Nothing has happened yet.</p>
            ) : (
              <ul className="divide-y divide-line">
                {activity.items.map((e) => (
                  <ActivityItem key={e.id} event={e} />
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
