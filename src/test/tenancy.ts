import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { Db } from "~/server/db/client";
import type { Permission, Role } from "~/lib/permissions";
import { callerFor, createFixture, type Fixture, type OrgFixture } from "./fixtures";

/**
 * The tenancy harness. Each case names a procedure, how to build its input for a target organization,
 * what state it could change, and what its success does. For each case it proves, with the state of the
 * organization actually called unchanged every time:
 * - signed out → UNAUTHORIZED; a member of another organization → NOT_FOUND; a user with no organization
 *   → NOT_FOUND; the owner of an organization of the other kind, on its own organization → NOT_FOUND;
 * - a role below the expected minimum → FORBIDDEN;
 * - row ids: a member of another organization with the lowest allowed role, calling with its *own*
 *   organization and the *target's* row ids → NOT_FOUND, and neither organization changed;
 * - the lowest allowed role succeeds, with the effect the case describes.
 * The minimum role and kinds come from a table written out in the test, never from the code under test.
 */
export type TenancyCase = {
  procedure: string;
  /** The organization kind the procedure serves; `any` for procedures of both portals (run on both). */
  kind: "any" | "brand" | "workshop";
  input: (target: OrgFixture, f: Fixture) => unknown | Promise<unknown>;
  /** Reads everything the procedure could change for an organization. */
  state: (db: Db, target: OrgFixture, f: Fixture) => Promise<unknown>;
  /**
   * The input fields that name the target organization's own rows (ids, numbers). Another organization
   * passing them with its own organization id must get NOT_FOUND.
   */
  rowIds?: string[];
  /** When another organization's row ids are refused otherwise than NOT_FOUND (a form field error), and why. */
  rowIdRefusal?: { code: TRPCError["code"]; why: string };
  /** Id fields that name rows public on purpose (a published workshop), with why they are exempt. */
  publicIds?: { fields: string[]; why: string };
  /** What the lowest allowed role's success did: the result, and the state before and after. */
  allowed?: (r: { result: unknown; before: unknown; after: unknown; target: OrgFixture; f: Fixture }) => void | Promise<void>;
  /** Skip the success check, saying why (a success that needs a state the fixture lacks). */
  skipAllowed?: string;
};

/** What a cases file receives: the test database of the run (the owner's handle). */
export type TenancyCaseContext = { db: Db };

/** The expected minimum role and kinds of each procedure, written out in the test. */
export type Expectation = { role: Role; kind: "any" | "brand" | "workshop" };

type ZodLike = { shape?: Record<string, unknown> };
type AnyProcedure = { _def: { meta?: { permission?: Permission }; type: "query" | "mutation" | "subscription"; inputs?: ZodLike[] } };

export function procedureOf(path: string): AnyProcedure {
  const proc = (appRouter._def.procedures as unknown as Record<string, AnyProcedure>)[path];
  if (!proc) throw new Error(`No procedure ${path}`);
  return proc;
}

/** The input fields of a procedure that name rows: `id`, `…Id`, `…Ids`, `number` (not `orgId`). */
export function idFieldsOf(path: string): string[] {
  const keys = (procedureOf(path)._def.inputs ?? []).flatMap((schema) => Object.keys(schema.shape ?? {}));
  return [...new Set(keys)].filter((k) => k !== "orgId" && /^(id|ids|number)$|Ids?$/.test(k)).sort();
}

export async function callProcedure(db: Db, user: { id: string } | null, path: string, input: unknown): Promise<unknown> {
  const caller = callerFor(db, user) as unknown as Record<string, unknown>;
  let fn: unknown = caller;
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

export async function expectCode(promise: Promise<unknown>, code: TRPCError["code"]) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}, but the call succeeded`).toBeInstanceOf(TRPCError);
  expect((err as TRPCError).code).toBe(code);
}

const ROLE_BELOW: Record<Role, Role | null> = { owner: "admin", admin: "member", member: null };
const OTHER_KIND = { brand: "workshop", workshop: "brand" } as const;

export function describeTenancy(db: Db, cases: TenancyCase[], expected: Record<string, Expectation>, label = "") {
  for (const c of cases) {
    const targetKinds = c.kind === "any" ? (["brand", "workshop"] as const) : [c.kind];
    for (const targetKind of targetKinds) {
      describe(`tenancy${label}: ${c.procedure}${c.kind === "any" ? ` (${targetKind})` : ""}`, () => {
        let f: Fixture;
        let target: OrgFixture;
        const lowest = expected[c.procedure]?.role ?? "owner";

        beforeAll(async () => {
          f = await createFixture(db);
          target = f[targetKind];
        });

        /** Refused with `code`, and neither the target nor the organization actually called changed. */
        async function expectRefused(user: { id: string } | null, code: TRPCError["code"], called?: OrgFixture, input?: unknown) {
          const orgs = called && called !== target ? [target, called] : [target];
          const args = input ?? (await c.input(called ?? target, f));
          const before = await Promise.all(orgs.map((o) => c.state(db, o, f)));
          await expectCode(callProcedure(db, user, c.procedure, args), code);
          expect(await Promise.all(orgs.map((o) => c.state(db, o, f)))).toEqual(before);
        }

        it("signed out → UNAUTHORIZED, nothing changed", () => expectRefused(null, "UNAUTHORIZED"));

        it("member of another organization → NOT_FOUND, nothing changed", () => expectRefused(f.outsider[targetKind].owner, "NOT_FOUND"));

        it("signed-in user with no organization → NOT_FOUND, nothing changed", () => expectRefused(f.loner, "NOT_FOUND"));

        if (c.kind !== "any") {
          const otherKind = OTHER_KIND[c.kind];
          it(`owner of a ${otherKind} → NOT_FOUND on its own organization, nothing changed`, async () => {
            const wrong = f[otherKind];
            await expectRefused(wrong.owner, "NOT_FOUND", wrong);
          });
        }

        const tooLow = ROLE_BELOW[lowest];
        if (tooLow) {
          it(`${tooLow} (below ${lowest}) → FORBIDDEN, nothing changed`, () => expectRefused(target[tooLow], "FORBIDDEN"));
        }

        if (c.rowIds && c.rowIds.length > 0) {
          const code = c.rowIdRefusal?.code ?? "NOT_FOUND";
          it(`another organization's ${lowest}, with its own organization and the target's ${c.rowIds.join(", ")} → ${code}, neither changed`, async () => {
            const outsider = f.outsider[targetKind];
            const input = { ...((await c.input(target, f)) as Record<string, unknown>), orgId: outsider.org.id };
            await expectRefused(outsider[lowest], code, outsider, input);
          });
        }

        if (!c.skipAllowed) {
          it(`${lowest} is allowed, with its effect`, async () => {
            const input = await c.input(target, f);
            const before = await c.state(db, target, f);
            const result = await callProcedure(db, target[lowest], c.procedure, input);
            const after = await c.state(db, target, f);
            // No procedure ever hands out a password hash or a token hash.
            expect(JSON.stringify(result ?? null)).not.toMatch(/argon2|passwordHash|tokenHash/);
            expect(c.allowed, "the case describes the effect of a success").toBeDefined();
            await c.allowed!({ result, before, after, target, f });
          });
        }
      });
    }
  }
}

/** Every procedure path in the app router, for the coverage check. */
export function allProcedurePaths(): string[] {
  return Object.keys(appRouter._def.procedures);
}

/**
 * Switches row-level security off on every table of a test database, as if a policy were missing:
 * what then still holds is what the application's own filters hold.
 */
export async function disableRowLevelSecurity(db: Db): Promise<string[]> {
  const { rows } = await db.execute<{ name: string }>(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity order by 1`);
  for (const { name } of rows) {
    await db.execute(sql.raw(`alter table "${name}" no force row level security, disable row level security`));
  }
  return rows.map((r) => r.name);
}
