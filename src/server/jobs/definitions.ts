/**
 * Every background job: its name, the data it carries, and its queue's retry policy. A job that is not
 * listed here cannot be enqueued or handled (the compiler checks both ends).
 */
export type JobData = {
  /** Hands one stored email to SMTP. */
  "email-send": { emailId: string };
  /** Removes uploads that were never attached to anything. */
  "files-sweep": Record<string, never>;
  /** Expires sent quotes past their validity, telling both sides. */
  "quotes-expire": Record<string, never>;
  /** Reminds invited workshops of an RFQ deadline within 24 hours. */
  "rfq-deadline-reminders": Record<string, never>;
  /** Flags orders whose current milestone is past its planned date without a report. */
  "milestones-overdue": Record<string, never>;
  /** Expires preorder holds whose payment did not come in time, freeing their units. */
  "preorder-holds-expire": Record<string, never>;
};

export type JobName = keyof JobData;

export type QueuePolicy = { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number };

export const QUEUES: Record<JobName, QueuePolicy> = {
  // A mail server that is down for a while: 5 more tries, about 10 s, 20 s, 40 s, 80 s, 160 s apart.
  "email-send": { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 },
  "files-sweep": { retryLimit: 1, retryDelay: 60, retryBackoff: false, expireInSeconds: 15 * 60 },
  "quotes-expire": { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  "rfq-deadline-reminders": { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  "milestones-overdue": { retryLimit: 2, retryDelay: 300, retryBackoff: false, expireInSeconds: 30 * 60 },
  // Every minute; a missed run is caught by the next one (and each reservation expires its campaign's stale holds too).
  "preorder-holds-expire": { retryLimit: 0, retryDelay: 30, retryBackoff: false, expireInSeconds: 5 * 60 },
};

/** Cron schedules (UTC). */
export const SCHEDULES: { name: JobName; cron: string }[] = [
  { name: "files-sweep", cron: "17 * * * *" },
  // Validity ends at midnight in each workshop's time zone: hourly catches every zone within the hour.
  { name: "quotes-expire", cron: "5 * * * *" },
  { name: "rfq-deadline-reminders", cron: "*/15 * * * *" },
  // Daily, early in the working day of the workshops east of UTC and before it starts in the Americas.
  { name: "milestones-overdue", cron: "5 6 * * *" },
  // A hold lasts minutes: its units come back within a minute of running out.
  { name: "preorder-holds-expire", cron: "* * * * *" },
];
