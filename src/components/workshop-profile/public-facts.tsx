import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { CAPABILITIES, GEMSTONE_WORK, LANGUAGES, METALS, WEEKDAYS } from "~/lib/workshop-vocabulary";
import type { WorkshopRecord } from "~/trpc/types";
import type { PublicProfile } from "./public-data";

const number = new Intl.NumberFormat("en");

/** ISO weekdays as short ranges: [1,2,3,4,5] → "Mon–Fri", [1,2,3,5,6] → "Mon–Wed, Fri–Sat". */
export function formatWorkingDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs.at(-1);
    if (run && d === run.at(-1)! + 1) run.push(d);
    else runs.push([d]);
  }
  return runs.map((r) => (r.length === 1 ? WEEKDAYS.label(String(r[0])) : `${WEEKDAYS.label(String(r[0]))}–${WEEKDAYS.label(String(r.at(-1)))}`)).join(", ");
}

export function formatLeadTime(min: number | null, max: number | null): string | null {
  if (min === null || max === null) return null;
  return min === max ? `${min} business days` : `${min}–${max} business days`;
}

function formatHours(hours: number): string {
  if (hours < 1) return "under an hour";
  if (hours < 48) return `${Math.round(hours)} hour${Math.round(hours) === 1 ? "" : "s"}`;
  return `${Math.round(hours / 24)} days`;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2.5 first:pt-0 last:pb-0">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

export function KeyFacts({ profile }: { profile: PublicProfile }) {
  const leadTime = formatLeadTime(profile.leadTimeMinDays, profile.leadTimeMaxDays);
  return (
    <Card>
      <CardHeader title="Key facts" />
      <CardBody>
        <dl className="divide-y divide-line">
          {profile.moqPerDesign !== null && <Fact label="Minimum order">{number.format(profile.moqPerDesign)} pieces per design</Fact>}
          {leadTime && <Fact label="Typical lead time">{leadTime}</Fact>}
          {profile.monthlyCapacity !== null && <Fact label="Monthly capacity">about {number.format(profile.monthlyCapacity)} pieces</Fact>}
          <Fact label="Working days">{formatWorkingDays(profile.workingDays)}</Fact>
          {profile.languages.length > 0 && <Fact label="Languages">{profile.languages.map((l) => LANGUAGES.label(l)).join(", ")}</Fact>}
        </dl>
      </CardBody>
    </Card>
  );
}

function BadgeList({ title, items, label, tone }: { title: string; items: string[]; label: (k: string) => string; tone?: "brass" | "neutral" }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-medium text-ink-muted">{title}</h3>
      <ul className="mt-2 flex flex-wrap gap-1.5">
        {items.map((k) => (
          <li key={k}>
            <Badge tone={tone} className="px-2.5 py-1 text-sm">
              {label(k)}
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Craft({ profile }: { profile: PublicProfile }) {
  return (
    <Card>
      <CardHeader title="What they make" />
      <CardBody className="flex flex-col gap-5">
        <BadgeList title="Capabilities" items={profile.capabilities} label={CAPABILITIES.label} tone="brass" />
        <BadgeList title="Metals" items={profile.metals} label={METALS.label} />
        <BadgeList title="Gemstone work" items={profile.gemstoneWork} label={GEMSTONE_WORK.label} />
      </CardBody>
    </Card>
  );
}

/** "from 3 orders" under a figure: how much history stands behind it. */
function Behind({ n, one, many }: { n: number; one: string; many: string }) {
  return (
    <span className="block text-sm font-normal text-ink-subtle">
      from {number.format(n)} {n === 1 ? one : many}
    </span>
  );
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** The record on Bezel: computed from what happened here, never typed in by the workshop. */
export function RecordCard({ record }: { record: WorkshopRecord }) {
  const empty = record.responsesCounted === 0 && record.samplesSent === 0 && record.ordersDelivered === 0 && record.approvalsCounted === 0 && record.reviewCount === 0;
  return (
    <Card>
      <CardHeader title="Record on Bezel" description="Measured from sample requests and orders on Bezel." />
      <CardBody>
        {empty ? (
          <p className="text-sm text-ink-muted">Not enough history yet. The record fills in as brands request samples and place orders.</p>
        ) : (
          <dl className="divide-y divide-line">
            <Fact label="Median first response to sample requests">
              {record.medianResponseHours === null ? (
                "Not enough history yet"
              ) : (
                <>
                  {formatHours(record.medianResponseHours)}
                  <Behind n={record.responsesCounted} one="request" many="requests" />
                </>
              )}
            </Fact>
            <Fact label="Samples sent">{number.format(record.samplesSent)}</Fact>
            <Fact label="Orders delivered on time">
              {record.onTimeRate === null ? (
                "No orders delivered yet"
              ) : (
                <>
                  {percent(record.onTimeRate)}
                  <Behind n={record.ordersDelivered} one="delivered order" many="delivered orders" />
                </>
              )}
            </Fact>
            {record.ordersDelivered > 0 && (
              <Fact label="Median delay of late orders">
                {record.medianLateBusinessDays === null ? (
                  "None late"
                ) : (
                  <>
                    {number.format(record.medianLateBusinessDays)} business day{record.medianLateBusinessDays === 1 ? "" : "s"}
                    <Behind n={record.lateOrders} one="late order" many="late orders" />
                  </>
                )}
              </Fact>
            )}
            {record.approvalsChangedRate !== null && (
              <Fact label="Approvals that needed changes">
                {percent(record.approvalsChangedRate)}
                <span className="block text-sm font-normal text-ink-subtle">
                  of {number.format(record.approvalsCounted)} approval{record.approvalsCounted === 1 ? "" : "s"} on {number.format(record.approvalOrders)} order
                  {record.approvalOrders === 1 ? "" : "s"}
                </span>
              </Fact>
            )}
            {record.reviewAverages && (
              <Fact label="Reviews (out of 5)">
                Quality {record.reviewAverages.quality.toFixed(1)} · communication {record.reviewAverages.communication.toFixed(1)} · timeliness {record.reviewAverages.timeliness.toFixed(1)}
                <Behind n={record.reviewCount} one="reviewed order" many="reviewed orders" />
              </Fact>
            )}
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
