import type PgBoss from "pg-boss";
import type { Db } from "../db/client";
import { deliverEmail, type MailTransport } from "../services/email";
import { sweepUnattachedFiles } from "../services/file-attachments";
import { expireQuotes, remindDeadlines } from "../services/quotes";
import { flagOverdueMilestones } from "../services/milestone-overdue";
import { expireHolds } from "../services/preorder-reservations";
import type { Storage } from "../storage";
import type { JobData, JobName } from "./definitions";

/** What the handlers work with. `db` is owner-level: the sweep crosses organizations on purpose. */
export type JobDeps = { db: Db; transport: () => Promise<MailTransport | null>; storage?: () => Storage };

type Handler<N extends JobName> = (job: PgBoss.JobWithMetadata<JobData[N]>, deps: JobDeps) => Promise<unknown>;

/** One handler per job; a job without a handler does not compile. */
export const HANDLERS: { [N in JobName]: Handler<N> } = {
  "email-send": async (job, deps) =>
    deliverEmail(deps.db, job.data.emailId, await deps.transport(), {
      attempt: job.retryCount + 1,
      lastAttempt: job.retryCount >= job.retryLimit,
    }),
  "files-sweep": async (_job, deps) => ({ swept: await sweepUnattachedFiles(deps.db, { storage: deps.storage?.() }) }),
  "quotes-expire": async (_job, deps) => ({ expired: await expireQuotes(deps.db) }),
  "rfq-deadline-reminders": async (_job, deps) => ({ reminded: await remindDeadlines(deps.db) }),
  "milestones-overdue": async (_job, deps) => flagOverdueMilestones(deps.db),
  "preorder-holds-expire": async (_job, deps) => expireHolds(deps.db),
};
