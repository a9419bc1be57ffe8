import { describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import {
  allProcedurePaths,
  callProcedure,
  describeTenancy,
  disableRowLevelSecurity,
  expectCode,
  idFieldsOf,
  procedureOf,
  type Expectation,
  type TenancyCase,
  type TenancyCaseContext,
} from "~/test/tenancy";
import { lowestRoleWith } from "~/lib/permissions";
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

/**
 * Who may call what, written out: the lowest role allowed and the kind of organization served. A change
 * to a permission in the code, or to this table, fails the agreement test until both say the same.
 */
const EXPECTED: Record<string, Expectation> = {
  "organization.get": { role: "member", kind: "any" },
  "organization.update": { role: "admin", kind: "any" },
  "organization.leave": { role: "member", kind: "any" },
  "member.list": { role: "member", kind: "any" },
  "member.invite": { role: "admin", kind: "any" },
  "member.revokeInvitation": { role: "admin", kind: "any" },
  "member.changeRole": { role: "admin", kind: "any" },
  "member.remove": { role: "admin", kind: "any" },
  "activity.list": { role: "member", kind: "any" },
  "organization.checklist": { role: "member", kind: "any" },
  "organization.inbox": { role: "member", kind: "any" },
  "organization.switch": { role: "member", kind: "any" },
  "shortlist.list": { role: "member", kind: "brand" },
  "shortlist.entryFor": { role: "member", kind: "brand" },
  "shortlist.add": { role: "member", kind: "brand" },
  "shortlist.remove": { role: "member", kind: "brand" },
  "shortlist.update": { role: "member", kind: "brand" },
  "shortlist.compare": { role: "member", kind: "brand" },
  "sampleRequest.requestOptions": { role: "member", kind: "brand" },
  "sampleRequest.create": { role: "member", kind: "brand" },
  "sampleRequest.list": { role: "member", kind: "brand" },
  "sampleRequest.get": { role: "member", kind: "brand" },
  "sampleRequest.cancel": { role: "member", kind: "brand" },
  "sampleRequest.markReceived": { role: "member", kind: "brand" },
  "sampleRequest.evaluate": { role: "member", kind: "brand" },
  "sampleRequest.inbox": { role: "member", kind: "workshop" },
  "sampleRequest.inboxGet": { role: "member", kind: "workshop" },
  "sampleRequest.inboxNumberOf": { role: "member", kind: "workshop" },
  "sampleRequest.accept": { role: "member", kind: "workshop" },
  "sampleRequest.decline": { role: "member", kind: "workshop" },
  "sampleRequest.ship": { role: "member", kind: "workshop" },
  "notification.list": { role: "member", kind: "any" },
  "notification.unreadCount": { role: "member", kind: "any" },
  "notification.markRead": { role: "member", kind: "any" },
  "notification.markAllRead": { role: "member", kind: "any" },
  "workshopProfile.get": { role: "member", kind: "workshop" },
  "workshopProfile.update": { role: "admin", kind: "workshop" },
  "workshopProfile.publish": { role: "admin", kind: "workshop" },
  "workshopProfile.unpublish": { role: "admin", kind: "workshop" },
  "workshopProfile.artisans.create": { role: "admin", kind: "workshop" },
  "workshopProfile.artisans.update": { role: "admin", kind: "workshop" },
  "workshopProfile.artisans.remove": { role: "admin", kind: "workshop" },
  "workshopProfile.artisans.reorder": { role: "admin", kind: "workshop" },
  "workshopProfile.portfolio.create": { role: "admin", kind: "workshop" },
  "workshopProfile.portfolio.update": { role: "admin", kind: "workshop" },
  "workshopProfile.portfolio.remove": { role: "admin", kind: "workshop" },
  "workshopProfile.portfolio.reorder": { role: "admin", kind: "workshop" },
  "rfq.list": { role: "member", kind: "brand" },
  "rfq.get": { role: "member", kind: "brand" },
  "rfq.designOptions": { role: "member", kind: "brand" },
  "rfq.create": { role: "member", kind: "brand" },
  "rfq.update": { role: "member", kind: "brand" },
  "rfq.invite": { role: "member", kind: "brand" },
  "rfq.uninvite": { role: "member", kind: "brand" },
  "rfq.send": { role: "member", kind: "brand" },
  "rfq.extendDeadline": { role: "member", kind: "brand" },
  "rfq.close": { role: "member", kind: "brand" },
  "rfq.linesForDesign": { role: "member", kind: "brand" },
  "rfq.updateLine": { role: "member", kind: "brand" },
  "rfq.compare": { role: "member", kind: "brand" },
  "rfq.accept": { role: "admin", kind: "brand" },
  "quote.inbox": { role: "member", kind: "workshop" },
  "quote.rfq": { role: "member", kind: "workshop" },
  "quote.decline": { role: "member", kind: "workshop" },
  "quote.saveDraft": { role: "member", kind: "workshop" },
  "quote.discardDraft": { role: "member", kind: "workshop" },
  "quote.send": { role: "admin", kind: "workshop" },
  "quote.withdraw": { role: "admin", kind: "workshop" },
  "rfqThread.list": { role: "member", kind: "any" },
  "rfqThread.post": { role: "member", kind: "any" },
  "order.list": { role: "member", kind: "any" },
  "order.get": { role: "member", kind: "any" },
  "order.exportCsv": { role: "member", kind: "any" },
  "order.brandDashboard": { role: "member", kind: "brand" },
  "order.workshopDashboard": { role: "member", kind: "workshop" },
  "order.activity": { role: "member", kind: "any" },
  "order.cancel": { role: "admin", kind: "any" },
  "order.close": { role: "admin", kind: "brand" },
  "productionCalendar.get": { role: "member", kind: "workshop" },
  "productionCalendar.update": { role: "admin", kind: "workshop" },
  "productionCalendar.markReviewed": { role: "admin", kind: "workshop" },
  "productionCalendar.setHoliday": { role: "admin", kind: "workshop" },
  "productionCalendar.removeHoliday": { role: "admin", kind: "workshop" },
  "productionCalendar.restoreHoliday": { role: "admin", kind: "workshop" },
  "productionCalendar.addClosure": { role: "admin", kind: "workshop" },
  "productionCalendar.removeClosure": { role: "admin", kind: "workshop" },
  "productionCalendar.addWorkingDay": { role: "admin", kind: "workshop" },
  "productionCalendar.removeWorkingDay": { role: "admin", kind: "workshop" },
  "design.collections.list": { role: "member", kind: "brand" },
  "design.collections.options": { role: "member", kind: "brand" },
  "design.collections.get": { role: "member", kind: "brand" },
  "design.collections.create": { role: "member", kind: "brand" },
  "design.collections.update": { role: "member", kind: "brand" },
  "design.collections.updateStyleGuide": { role: "member", kind: "brand" },
  "design.list": { role: "member", kind: "brand" },
  "design.get": { role: "member", kind: "brand" },
  "design.create": { role: "member", kind: "brand" },
  "design.update": { role: "member", kind: "brand" },
  "design.setCover": { role: "member", kind: "brand" },
  "design.revision": { role: "member", kind: "brand" },
  "design.saveDraft": { role: "member", kind: "brand" },
  "design.attachFile": { role: "member", kind: "brand" },
  "design.detachFile": { role: "member", kind: "brand" },
  "design.startDraft": { role: "member", kind: "brand" },
  "design.approve": { role: "admin", kind: "brand" },
  "design.compare": { role: "member", kind: "brand" },
  "design.comments.list": { role: "member", kind: "brand" },
  "design.comments.add": { role: "member", kind: "brand" },
  "planTemplate.get": { role: "member", kind: "workshop" },
  "planTemplate.save": { role: "admin", kind: "workshop" },
  "planTemplate.reset": { role: "admin", kind: "workshop" },
  "milestone.timeline": { role: "member", kind: "workshop" },
  "milestone.start": { role: "member", kind: "workshop" },
  "milestone.complete": { role: "member", kind: "workshop" },
  "milestone.block": { role: "member", kind: "workshop" },
  "milestone.recordBankTransfer": { role: "admin", kind: "workshop" },
  "milestone.updateShipping": { role: "member", kind: "workshop" },
  "milestone.brandTimeline": { role: "member", kind: "brand" },
  "milestone.approve": { role: "member", kind: "brand" },
  "milestone.requestChanges": { role: "member", kind: "brand" },
  "review.forBrandOrder": { role: "member", kind: "brand" },
  "review.leave": { role: "admin", kind: "brand" },
  "review.forWorkshopOrder": { role: "member", kind: "workshop" },
  "review.answer": { role: "admin", kind: "workshop" },
  "payment.brandOrder": { role: "member", kind: "brand" },
  "payment.brandSample": { role: "member", kind: "brand" },
  "payment.workshopSample": { role: "member", kind: "workshop" },
  "payment.brandList": { role: "member", kind: "brand" },
  "payment.brandExport": { role: "member", kind: "brand" },
  "payment.markTransferSent": { role: "admin", kind: "brand" },
  "payment.startCardPayment": { role: "admin", kind: "brand" },
  "payment.workshopOrder": { role: "member", kind: "workshop" },
  "payment.workshopList": { role: "member", kind: "workshop" },
  "payment.workshopExport": { role: "member", kind: "workshop" },
  "payment.confirmTransfer": { role: "admin", kind: "workshop" },
  "payment.refund": { role: "admin", kind: "workshop" },
  "payment.payoutSettings": { role: "member", kind: "any" },
  "payment.startOnboarding": { role: "admin", kind: "any" },
  "payment.saveBankDetails": { role: "admin", kind: "workshop" },
  "preorderProduction.get": { role: "member", kind: "brand" },
  "preorderProduction.linkOptions": { role: "member", kind: "brand" },
  "preorderProduction.linkQuote": { role: "admin", kind: "brand" },
  "preorderProduction.linkOrder": { role: "admin", kind: "brand" },
  "preorderProduction.createRfq": { role: "admin", kind: "brand" },
  "preorderProduction.placeOrder": { role: "admin", kind: "brand" },
  "preorderProduction.extendWindow": { role: "admin", kind: "brand" },
  "preorderProduction.cancel": { role: "admin", kind: "brand" },
  "preorderProduction.retryRefunds": { role: "admin", kind: "brand" },
  "preorderProduction.photos": { role: "member", kind: "brand" },
  "preorderProduction.publishPhoto": { role: "admin", kind: "brand" },
  "preorderProduction.unpublishPhoto": { role: "admin", kind: "brand" },

  // preorder.* (campaigns, their details and images: the brand's)
  "preorder.list": { role: "member", kind: "brand" },
  "preorder.formOptions": { role: "member", kind: "brand" },
  "preorder.get": { role: "member", kind: "brand" },
  "preorder.create": { role: "admin", kind: "brand" },
  "preorder.update": { role: "admin", kind: "brand" },
  "preorder.publish": { role: "admin", kind: "brand" },
  "preorder.delete": { role: "admin", kind: "brand" },
  "preorder.sketches": { role: "member", kind: "brand" },
  "preorder.addImage": { role: "admin", kind: "brand" },
  "preorder.copySketch": { role: "admin", kind: "brand" },
  "preorder.reorderImages": { role: "admin", kind: "brand" },
  "preorder.captionImage": { role: "admin", kind: "brand" },
  "preorder.removeImage": { role: "admin", kind: "brand" },

  // preorderDashboard.* (figures, reservations, refunds, emails: the brand's)
  "preorderDashboard.get": { role: "member", kind: "brand" },
  "preorderDashboard.reservations": { role: "member", kind: "brand" },
  "preorderDashboard.exportCsv": { role: "member", kind: "brand" },
  "preorderDashboard.refund": { role: "admin", kind: "brand" },
  "preorderDashboard.emailCustomers": { role: "admin", kind: "brand" },

  // preorderWorkshop.* (the campaigns a workshop makes, quantities only; consent to show its artisans)
  "preorderWorkshop.list": { role: "admin", kind: "workshop" },
  "preorderWorkshop.answerConsent": { role: "admin", kind: "workshop" },
};

const db = await testDb();
const cases = modules.flatMap((m) => m.cases?.({ db }) ?? []);
const PUBLIC = modules.flatMap((m) => m.publicProcedures ?? []);
const SIGNED_IN = modules.flatMap((m) => m.signedInProcedures ?? []);
const SIGNED_IN_INPUTS = Object.assign({}, ...modules.map((m) => m.signedInInputs ?? {})) as Record<string, unknown>;

// Both layers, each on its own: the app's filters and the database's policies together, then the app's
// filters alone on a database whose row-level security is switched off (as if a policy were missing).
// The database alone is proven against deliberately unfiltered queries in src/server/db/rls.test.ts.
describeTenancy(db, cases, EXPECTED);

const bare = await testDb();
const switchedOff = await disableRowLevelSecurity(bare);
describeTenancy(
  bare,
  modules.flatMap((m) => m.cases?.({ db: bare }) ?? []),
  EXPECTED,
  " [app filters alone]",
);

describe("tenancy coverage", () => {
  it("every procedure is either public, signed-in only, or in the tenancy harness", () => {
    const covered = new Set([...PUBLIC, ...SIGNED_IN, ...cases.map((c) => c.procedure)]);
    expect(allProcedurePaths().filter((p) => !covered.has(p))).toEqual([]);
    expect(allProcedurePaths().length).toBeGreaterThan(10);
  });

  it("the written-out table and the declared permissions and kinds agree, procedure by procedure", () => {
    const declared = Object.fromEntries(
      cases.map((c) => {
        const permission = procedureOf(c.procedure)._def.meta?.permission;
        return [c.procedure, { role: permission ? lowestRoleWith(permission) : "none", kind: c.kind }];
      }),
    );
    expect(declared).toEqual(EXPECTED);
  });

  it("every procedure whose input names a row has a row-id case or says why its ids are public", () => {
    const missing = cases
      .map((c) => ({ procedure: c.procedure, ids: idFieldsOf(c.procedure), declared: [...(c.rowIds ?? []), ...(c.publicIds?.fields ?? [])].sort() }))
      .filter((c) => c.ids.join() !== c.declared.join());
    expect(missing).toEqual([]);
  });

  it("the [app filters alone] run really has row-level security switched off", () => {
    expect(switchedOff).toContain("sample_requests");
    expect(switchedOff).toContain("portfolio_pieces");
    expect(switchedOff.length).toBeGreaterThanOrEqual(13);
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
