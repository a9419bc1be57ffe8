"use client";

import { useState } from "react";
import { CampaignForm } from "./campaign-form";
import { newCampaignValues, type Revision } from "./campaign-form-values";

/** The new-campaign form, its defaults (a window from the next hour) taken in the browser's time zone. */
export function NewCampaignForm({ orgId, orgSlug, revisions, workshops, currency, timeZone }: { orgId: string; orgSlug: string; revisions: Revision[]; workshops: { id: string; name: string }[]; currency: string; timeZone: string }) {
  const [initial] = useState(() => newCampaignValues(revisions, currency));
  return <CampaignForm orgId={orgId} orgSlug={orgSlug} revisions={revisions} workshops={workshops} initial={initial} timeZone={timeZone} />;
}
