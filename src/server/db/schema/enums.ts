import { pgEnum } from "drizzle-orm/pg-core";
import { NOTIFICATION_KINDS } from "~/lib/notifications";

/** Enums used by more than one schema file, kept apart so no file has to import another at load time. */
export const notificationKind = pgEnum("notification_kind", NOTIFICATION_KINDS);
