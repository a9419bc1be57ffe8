import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import type { EmailPreferencesInput } from "~/lib/schemas";

/** A user's own settings, which belong to no organization. */
export async function getEmailPreferences(db: Db, userId: string): Promise<EmailPreferencesInput> {
  const [row] = await db.select({ mutedKinds: users.mutedEmailKinds }).from(users).where(eq(users.id, userId));
  return { mutedKinds: row?.mutedKinds ?? [] };
}

/** Which kinds of notification email the user mutes; the notifications still show in the portal. */
export async function updateEmailPreferences(db: Db, userId: string, input: EmailPreferencesInput): Promise<EmailPreferencesInput> {
  const [row] = await db.update(users).set({ mutedEmailKinds: input.mutedKinds }).where(eq(users.id, userId)).returning({ mutedKinds: users.mutedEmailKinds });
  return { mutedKinds: row?.mutedKinds ?? [] };
}
