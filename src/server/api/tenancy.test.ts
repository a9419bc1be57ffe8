import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { allProcedurePaths, callProcedure, describeTenancy, expectCode, procedureOf, type TenancyCase, type TenancyCaseContext } from "~/test/tenancy";
import { organizations } from "../db/schema";

/**
 * Every procedure of the app router is in exactly one place: a `cases` list of a file in ./tenancy
 * (organization data, run through the harness), or its `publicProcedures` / `signedInProcedures`.
 * Adding a procedure without adding it there fails the coverage test below.
 */
type CasesModule = {
  cases?: (ctx: TenancyCaseContext) => TenancyCase[];
  publicProcedures?: string[];
  signedInProcedures?: string[];
  /** Inputs for the signed-out check of signed-in procedures that take input. */
  signedInInputs?: Record<string, unknown>;
};
const modules = Object.values(import.meta.glob<CasesModule>("./tenancy/*.cases.ts", { eager: true }));

const db = await testDb();
const cases = modules.flatMap((m) => m.cases?.({ db }) ?? []);
const PUBLIC = modules.flatMap((m) => m.publicProcedures ?? []);
const SIGNED_IN = modules.flatMap((m) => m.signedInProcedures ?? []);
const SIGNED_IN_INPUTS = Object.assign({}, ...modules.map((m) => m.signedInInputs ?? {})) as Record<string, unknown>;

describeTenancy(db, cases);

describe("tenancy coverage", () => {
  it("every procedure is either public, signed-in only, or in the tenancy harness", () => {
    const covered = new Set([...PUBLIC, ...SIGNED_IN, ...cases.map((c) => c.procedure)]);
    expect(allProcedurePaths().filter((p) => !covered.has(p))).toEqual([]);
    expect(allProcedurePaths().length).toBeGreaterThan(10);
  });

  it.each(SIGNED_IN)("%s answers UNAUTHORIZED when signed out", async (path) => {
    const before = await db.select().from(organizations);
    await expectCode(callProcedure(db, null, path, SIGNED_IN_INPUTS[path]), "UNAUTHORIZED");
    expect(await db.select().from(organizations)).toEqual(before);
  });

  it("signed-in procedures carry no organization permission", () => {
    for (const p of SIGNED_IN) expect(procedureOf(p)._def.meta?.permission).toBeUndefined();
  });
});
