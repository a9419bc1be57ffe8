import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { SampleDetailsCard, SampleStatusCard, SampleTimeline, type SharedSample } from "./sample-details";

/**
 * One sample request as both sides see it: the details and the shared timeline, and beside them the status
 * with what this side may do (`status`) and its own forms (`aside`).
 */
export function SampleRequestFrame(props: {
  sample: SharedSample;
  side: "brand" | "workshop";
  title: string;
  description: string;
  back: { href: string; label: string };
  status: React.ReactNode;
  aside?: React.ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={props.title}
        description={props.description}
        action={
          <Button asChild variant="ghost">
            <Link href={props.back.href}>
              <ArrowLeft aria-hidden /> {props.back.label}
            </Link>
          </Button>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-3">
          <SampleDetailsCard sample={props.sample} side={props.side} />
          <SampleTimeline sample={props.sample} />
        </div>
        {/* Status and actions first on a phone: that is what a visitor comes to see. */}
        <div className="order-first flex min-w-0 flex-col gap-6 lg:order-none lg:col-span-2">
          <SampleStatusCard sample={props.sample}>{props.status}</SampleStatusCard>
          {props.aside}
        </div>
      </div>
    </>
  );
}
