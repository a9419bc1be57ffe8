import { Badge } from "~/components/ui/badge";
import { SAMPLE_STATUS_LABELS, type SampleStatus } from "~/lib/sample-request-schemas";

const TONES = {
  requested: "info",
  accepted: "brass",
  declined: "danger",
  shipped: "warning",
  received: "success",
  cancelled: "neutral",
} as const satisfies Record<SampleStatus, string>;

export function SampleStatusBadge({ status }: { status: SampleStatus }) {
  return <Badge tone={TONES[status]}>{SAMPLE_STATUS_LABELS[status]}</Badge>;
}
