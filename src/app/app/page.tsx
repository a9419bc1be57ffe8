import { redirect } from "next/navigation";
import { requireUser } from "~/server/portal";
import { api } from "~/trpc/server";

/** The signed-in entry point: back to the organization used last. */
export default async function AppHome() {
  await requireUser("/app");
  redirect((await (await api()).organization.home()).path);
}
