"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { ORGANIZATION_KINDS } from "~/lib/organizations";
import { useTRPC } from "~/trpc/react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "~/components/ui/dropdown-menu";

type Org = { id: string; name: string; slug: string; kind: "brand" | "workshop" };

export function OrgSwitcher({ current, organizations }: { current: Org; organizations: Org[] }) {
  const router = useRouter();
  const trpc = useTRPC();
  // Switching is remembered, so the next sign-in lands in the organization switched to.
  const switchTo = useMutation(
    trpc.organization.switch.mutationOptions({
      onSuccess: ({ path }) => router.push(path),
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );
  const groups = ORGANIZATION_KINDS.map((kind) => ({ kind, orgs: organizations.filter((o) => o.kind === kind) })).filter((g) => g.orgs.length > 0);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex max-w-[14rem] items-center gap-2 rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm font-medium hover:bg-sunken sm:max-w-xs"
        aria-label={`Current organization: ${current.name}. Switch organization`}
      >
        <span className="truncate">{current.name}</span>
        <span className="hidden rounded bg-sunken px-1.5 text-xs font-normal text-ink-muted capitalize sm:inline">{current.kind}</span>
        <ChevronsUpDown className="size-4 shrink-0 text-ink-subtle" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        {groups.map((g) => (
          <div key={g.kind}>
            <DropdownMenuLabel>{g.kind === "brand" ? "Brands" : "Workshops"}</DropdownMenuLabel>
            {g.orgs.map((o) => (
              <DropdownMenuItem key={o.id} onSelect={() => switchTo.mutate({ orgId: o.id })}>
                <span className="flex-1 truncate">{o.name}</span>
                {o.id === current.id && <Check aria-label="current" />}
              </DropdownMenuItem>
            ))}
          </div>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => router.push("/onboarding")}>
          <Plus aria-hidden /> Create an organization
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
