import { AlertTriangle, ClipboardList, MessageSquare } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { formatDay } from "~/components/sample-requests/format";
import { money } from "~/components/rfqs/format";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Field } from "~/components/ui/field";
import { Input, Select } from "~/components/ui/input";
import { Pager, pageParam } from "~/components/ui/pager";
import { ORDER_SORT_LABELS, ORDER_SORTS, ORDER_STAGE_LABELS, ORDER_STAGE_TONE, ORDER_STAGES, filtersFromSearchParams, filtersToSearch } from "~/lib/order-list-schemas";
import type { OrganizationKind } from "~/lib/organizations";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { OrdersExportButton } from "./orders-export-button";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * The orders of either party with filters (status, at risk, the other party, expected delivery between
 * two days), a search over order numbers, designs and the other party, a page at a time, and the CSV of
 * everything the filters match. The filters live in the address (a plain GET form), so a filtered list
 * can be shared, reloaded and used without scripts.
 */
export async function OrdersListPage({ kind, slug, searchParams }: { kind: OrganizationKind; slug: string; searchParams: SearchParams }) {
  const { org } = await loadPortal(kind, slug);
  const filters = filtersFromSearchParams(searchParams);
  const page = pageParam(searchParams.page);
  const data = await (await api()).order.list({ orgId: org.id, filters, page });
  const base = `/${kind}/${org.slug}/orders`;
  const other = kind === "brand" ? "Workshop" : "Brand";
  const rawFrom = first(searchParams.from);
  const rawTo = first(searchParams.to);
  const rangeError = rawFrom && rawTo && rawTo < rawFrom ? "The last day cannot be before the first." : undefined;
  const filtered = filtersToSearch({ ...filters, sort: "newest" }) !== "";
  return (
    <>
      <PageHeader
        title="Orders"
        description={kind === "brand" ? "Quotes you accepted: where each order stands and when it arrives." : "Orders from brands that accepted your quotes: where each stands and when it is due."}
        action={data.total > 0 ? <OrdersExportButton orgId={org.id} filters={filters} fileName={`orders-${org.slug}.csv`} /> : undefined}
      />
      <Card className="mb-4 p-4">
        <form method="get" action={base} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" role="search" aria-label="Filter orders">
          <Field label="Search" hint="Order number, design name or SKU, or the other party." className="sm:col-span-2">
            <Input name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} placeholder="PO-2027-0012, Signet ring, RG-001…" />
          </Field>
          <Field label="Status">
            <Select name="status" defaultValue={filters.stage ?? ""}>
              <option value="">Any status</option>
              {ORDER_STAGES.map((s) => (
                <option key={s} value={s}>
                  {ORDER_STAGE_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={other}>
            <Select name="with" defaultValue={filters.counterpartyId ?? ""}>
              <option value="">Any {other.toLowerCase()}</option>
              {data.counterparties.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Expected delivery from">
            <Input name="from" type="date" defaultValue={filters.deliveryFrom ?? ""} />
          </Field>
          <Field label="Expected delivery to" error={rangeError}>
            <Input name="to" type="date" defaultValue={rawTo && !rangeError ? (filters.deliveryTo ?? "") : rawTo} aria-invalid={rangeError ? true : undefined} />
          </Field>
          <Field label="Sort">
            <Select name="sort" defaultValue={filters.sort}>
              {ORDER_SORTS.map((s) => (
                <option key={s} value={s}>
                  {ORDER_SORT_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex flex-wrap items-end gap-3">
            <label className="flex h-10 items-center gap-2 text-sm">
              <input type="checkbox" name="risk" value="1" defaultChecked={filters.atRisk === true} className="size-4 accent-brass-600" />
              At risk only
            </label>
            <Button type="submit">Apply</Button>
            {filtered && (
              <Link href={base} className="text-sm font-medium text-brass-700 hover:underline">
                Clear
              </Link>
            )}
          </div>
        </form>
      </Card>
      <Card>
        {data.items.length === 0 ? (
          filtered ? (
            <EmptyState icon={<ClipboardList />} title="No orders match" description="Change or clear the filters to see more orders." />
          ) : (
            <EmptyState icon={<ClipboardList />} title="No orders yet" description={kind === "brand" ? "Accept a quote on the comparison page of a request for quote." : "An order appears here when a brand accepts one of your quotes."} />
          )
        ) : (
          <ul className="divide-y divide-line" aria-label="Orders">
            {data.items.map((o) => (
              <li key={o.id}>
                <Link href={`${base}/${o.id}`} className="flex flex-col gap-1.5 px-4 py-3 hover:bg-sunken sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                  <span className="min-w-0">
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">
                        {o.number} · {o.counterparty.name}
                      </span>
                      <Badge tone={ORDER_STAGE_TONE[o.stage]}>{ORDER_STAGE_LABELS[o.stage]}</Badge>
                      {o.atRisk && (
                        <Badge tone="danger">
                          <AlertTriangle className="mr-1 size-3" aria-hidden />
                          At risk
                        </Badge>
                      )}
                      {o.unreadMessages > 0 && (
                        <Badge tone="info" aria-label={`${o.unreadMessages} unread message${o.unreadMessages === 1 ? "" : "s"}`}>
                          <MessageSquare className="mr-1 size-3" aria-hidden />
                          {o.unreadMessages}
                        </Badge>
                      )}
                    </span>
                    <span className="block text-sm break-words text-ink-muted">
                      {o.designs.map((d) => `${d.name} (${d.sku})`).join(", ")} · {o.pieces} pieces
                    </span>
                    {o.currentMilestone && <span className="block text-sm text-ink-muted">Now: {o.currentMilestone.name}</span>}
                  </span>
                  <span className="shrink-0 text-sm sm:text-right">
                    <span className="block font-medium">{money(o.totalMinor, o.currency)}</span>
                    <span className={o.atRisk ? "block text-danger" : "block text-ink-muted"}>expected {formatDay(o.expectedDeliveryDate)}</span>
                    {o.expectedDeliveryDate !== o.promisedDeliveryDate && <span className="block text-ink-muted">promised {formatDay(o.promisedDeliveryDate)}</span>}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Pager page={data.page} pageSize={data.pageSize} total={data.total} href={(p) => `${base}${filtersToSearch(filters, p)}`} />
      </Card>
    </>
  );
}
