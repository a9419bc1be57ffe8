import PgBoss from "pg-boss";
import type { Tx } from "../db/client";
import { transactionBossDb } from "./connection";
import type { JobData, JobName } from "./definitions";

// Sending needs no started instance: each send runs on the transaction it is given.
let sender: PgBoss | null = null;
function getSender(): PgBoss {
  sender ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error("jobs are enqueued on the service's transaction only")),
    },
  });
  return sender;
}

/**
 * Enqueues a job inside the service's transaction: it exists only if the transaction commits, so a
 * change that rolls back leaves no job behind (no email about something that did not happen).
 * The queue's retry policy (definitions.ts) applies.
 */
export async function enqueue<N extends JobName>(tx: Tx, name: N, data: JobData[N]): Promise<string | null> {
  return getSender().send(name, data, { db: transactionBossDb(tx) });
}
