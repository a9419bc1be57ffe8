"use client";

import { useMutation } from "@tanstack/react-query";
import { LogOut, Mail, MonitorSmartphone, Settings } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { toast } from "sonner";
import { errorMessage } from "~/components/forms/server-errors";
import { useTRPC } from "~/trpc/react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "~/components/ui/dropdown-menu";

export function UserMenu({ name, email, outbox }: { name: string; email: string; outbox: boolean }) {
  const trpc = useTRPC();
  const everywhere = useMutation(trpc.auth.signOutEverywhere.mutationOptions());
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex size-9 items-center justify-center rounded-full bg-ink text-sm font-semibold text-paper hover:bg-ink/85" aria-label={`Account menu for ${name}`}>
        {initials || "?"}
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel className="normal-case tracking-normal">
          <span className="block text-sm font-medium text-ink">{name}</span>
          <span className="block text-xs font-normal text-ink-muted">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <Settings aria-hidden /> Your account
          </Link>
        </DropdownMenuItem>
        {outbox && (
          <DropdownMenuItem onSelect={() => window.open("/outbox", "_blank")}>
            <Mail aria-hidden /> Email outbox (development)
          </DropdownMenuItem>
        )}
        <DropdownMenuItem onSelect={() => signOut({ callbackUrl: "/" })}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
        <DropdownMenuItem
          onSelect={async () => {
            try {
              await everywhere.mutateAsync();
              await signOut({ callbackUrl: "/sign-in?signedOut=all" });
            } catch (err) {
              toast.error(errorMessage(err));
            }
          }}
        >
          <MonitorSmartphone aria-hidden /> Sign out of all devices
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
