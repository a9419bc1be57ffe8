import { FileCheck2 } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "~/components/portal/portal-layout";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { can } from "~/lib/permissions";
import { loadPortal } from "~/server/portal";
import { api } from "~/trpc/server";
import { NewCampaignForm } from "./new-campaign-form";

/** A new campaign for an approved design revision; it starts as a draft. */
export async function NewCampaignPage({ orgSlug }: { orgSlug: string }) {
  const { org, role } = await loadPortal("brand", orgSlug);
  if (!can(role, "preorders.manage")) notFound();
  const options = await (await api()).preorder.formOptions({ orgId: org.id });
  return (
    <>
      <PageHeader title="New preorder campaign" description="It starts as a draft: add images, then publish when it is ready." />
      {options.revisions.length === 0 ? (
        <Card>
          <EmptyState
            icon={<FileCheck2 />}
            title="No approved design revision yet"
            description="A campaign sells an approved revision of one of your designs. Approve a revision first."
            action={
              <Button asChild>
                <Link href={`/brand/${org.slug}/designs`}>Go to designs</Link>
              </Button>
            }
          />
        </Card>
      ) : (
        <NewCampaignForm orgId={org.id} orgSlug={org.slug} revisions={options.revisions} workshops={options.workshops} currency={options.currency} timeZone={org.timeZone} />
      )}
    </>
  );
}
