import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { callerFor, createOrg } from "~/test/fixtures";
import { compareProblem } from "./compare-problem";

const db = await testDb();
const brand = await createOrg(db, "brand", "Maison Compare");

/** What the compare page's own caller throws for these ids. */
async function refusal(entryIds: string[]) {
  return callerFor(db, brand.owner)
    .shortlist.compare({ orgId: brand.org.id, entryIds })
    .then(
      () => null,
      (e: unknown) => e,
    );
}

describe("the compare page's empty state", () => {
  it("says in words that two ids shaped like uuids but unknown are not on the shortlist, never a JSON issue list", async () => {
    const message = compareProblem(await refusal(["11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"]));
    expect(message).toBe("Those workshops are not on your shortlist. Choose them again from your shortlist.");
  });

  it("says the same entry is no longer on the shortlist for two well-formed ids nobody saved", async () => {
    const message = compareProblem(await refusal(["8b0f2c9e-4a41-4f5e-9d7c-2b1a3e5f6d70", "0c3d2e1f-5b6a-4c7d-8e9f-a0b1c2d3e4f5"]));
    expect(message).toBe("One of those workshops is no longer on your shortlist.");
  });

  it("leaves errors other than not-found and bad input to the error page", () => {
    expect(compareProblem(new Error("boom"))).toBeNull();
  });
});
