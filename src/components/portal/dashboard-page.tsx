import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { OrganizationKind } from "~/lib/organizations";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { ActivityItem } from "./activity-item";
import { PageHeader } from "./portal-layout";

export async function DashboardPage({ kind, slug }: { kind: OrganizationKind; slug: string }) {
  const { org, user } = await loadPortal(kind, slug);
  const caller = await api();
  const [checklist, activity] = await Promise.all([caller.organization.checklist({ orgId: org.id }), caller.activity.list({ orgId: org.id, limit: 6 })]);
  const done = checklist.filter((i) => i.done).length;
  return (
    <>
      <PageHeader title={`Good to see you, ${user.name.split(" ")[0]}`} description={`${org.name} · ${kind === "brand" ? "Brand" : "Workshop"} portal`} />
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
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
        <Card className="lg:col-span-2">
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
