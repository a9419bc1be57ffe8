import { redirect } from "next/navigation";
import { getDb } from "~/server/db";
import { requireUser } from "~/server/portal";
import { homePathFor } from "~/server/services/organizations";

/** The signed-in entry point: back to the organization used last. */
export default async function AppHome() {
  const user = await requireUser("/app");
  redirect(await homePathFor(await getDb(), user.id));
}
