import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createUser } from "~/test/fixtures";
import { signInAttempts } from "../db/schema";
import { createOrganization } from "./organizations";
import { verifyCredentials } from "./users";

const db = await testDb();

it("concurrent same-name orgs", async () => {
  const users = await Promise.all([1, 2, 3].map((i) => createUser(db, `P${i}`)));
  const r = await Promise.allSettled(users.map((u) => createOrganization(db, u.id, { kind: "brand", name: "Same Name Race", country: "FR", timeZone: "Europe/Paris", currency: "EUR" })));
  console.log(r.map((x) => (x.status === "fulfilled" ? x.value.slug : String(x.reason))));
});

it("concurrent sign-in failures", async () => {
  const u = await createUser(db, "Brute");
  const r = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => verifyCredentials(db, { email: u.email, password: `g${i}`, ip: "10.9.9.9" })));
  const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, u.email));
  console.log("checked passwords:", rows.length, r.map((x) => x.status));
  expect(true).toBe(true);
});
