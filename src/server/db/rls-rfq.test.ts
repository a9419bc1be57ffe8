import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "~/test/db";
import { createFixture, createOrg, type Fixture, type OrgFixture } from "~/test/fixtures";
import { draftRfq, rfqBetween, sentQuote } from "~/test/rfqs";
import { actorOf, publishWorkshop } from "~/test/vetting";
import { inviteWorkshops, sendRfq } from "../services/rfqs";
import { postMessage } from "../services/rfq-messages";
import { withOrg } from "./tenant";
import type { Db } from "./client";

/**
 * Requests for quote, quotes, threads and orders to the database alone: these queries carry no
 * organization filter. Workshop A and workshop B are invited to one RFQ; B never learns of A, and a
 * workshop not invited sees nothing, nor the designs.
 */
const db = await testDb();

const count = async (tx: Pick<Db, "execute">, table: string) => (await tx.execute<{ n: number }>(sql.raw(`select count(*)::int as n from "${table}"`))).rows[0]!.n;
const column = async (tx: Pick<Db, "execute">, table: string, col: string) =>
  (await tx.execute<{ v: string }>(sql.raw(`select distinct ${col}::text as v from "${table}" order by 1`))).rows.map((r) => r.v);

describe("row-level security of requests for quote", () => {
  let f: Fixture;
  let b: OrgFixture;
  let setup: Awaited<ReturnType<typeof rfqBetween>>;
  let draftId: string;

  beforeAll(async () => {
    f = await createFixture(db);
    b = await createOrg(db, "workshop", "Workshop B");
    await publishWorkshop(db, f.workshop);
    await publishWorkshop(db, b);
    // RFQ-1: sent to A (f.workshop) only, quoted, messaged and ordered. RFQ-2: sent to A and B, B quotes and writes.
    setup = await rfqBetween(db, f);
    const second = await draftRfq(db, f.brand, { title: "Second" });
    await inviteWorkshops(db, actorOf(f.brand), { rfqId: second.rfq.id, workshopOrgIds: [f.workshop.org.id, b.org.id] });
    await sendRfq(db, actorOf(f.brand), { rfqId: second.rfq.id });
    const invB = (await db.execute<{ id: string }>(sql`select id from rfq_invitations where rfq_id = ${second.rfq.id} and workshop_org_id = ${b.org.id}`)).rows[0]!.id;
    await sentQuote(db, b, invB, { ring: second.ringLine.id, pendant: second.pendantLine.id });
    await postMessage(db, actorOf(b), { invitationId: invB, body: "From B", attachmentFileIds: [] });
    // A draft RFQ with an invitation of B, not sent: B must not see it.
    const draft = await draftRfq(db, f.brand, { title: "Draft" });
    await inviteWorkshops(db, actorOf(f.brand), { rfqId: draft.rfq.id, workshopOrgIds: [b.org.id] });
    draftId = draft.rfq.id;
  });

  it("the brand sees all its RFQs (the draft too), every invitation, the sent quotes, both threads and its order", async () => {
    const seen = await withOrg(db, f.brand.org.id, async (tx) => ({
      rfqs: await count(tx, "rfqs"),
      invitations: await count(tx, "rfq_invitations"),
      quotes: await count(tx, "quotes"),
      versions: await count(tx, "quote_versions"),
      messages: await count(tx, "rfq_messages"),
      orders: await count(tx, "orders"),
    }));
    expect(seen).toEqual({ rfqs: 3, invitations: 4, quotes: 2, versions: 2, messages: 2, orders: 1 });
  });

  it("workshop B sees only RFQ-2 (not the draft it is listed on), its own invitation, quote and thread — nothing of A", async () => {
    const seen = await withOrg(db, b.org.id, async (tx) => ({
      rfqs: await column(tx, "rfqs", "title"),
      invitations: await column(tx, "rfq_invitations", "workshop_org_id"),
      quotes: await column(tx, "quotes", "workshop_org_id"),
      versions: await column(tx, "quote_versions", "workshop_org_id"),
      messages: await column(tx, "rfq_messages", "body"),
      orders: await count(tx, "orders"),
      orderLines: await count(tx, "order_lines"),
      threadReads: await column(tx, "rfq_thread_reads", "org_id"),
      files: await column(tx, "files", "purpose"),
    }));
    expect(seen).toEqual({
      rfqs: ["Second"],
      invitations: [b.org.id],
      quotes: [b.org.id],
      versions: [b.org.id],
      messages: ["From B"],
      orders: 0,
      orderLines: 0,
      threadReads: [b.org.id],
      files: [], // not A's quote file, not A's message file, not RFQ-1's file (B was not invited to RFQ-1)
    });
    const draft = await withOrg(db, b.org.id, (tx) => tx.execute(sql`select id from rfqs where id = ${draftId}`));
    expect(draft.rows).toEqual([]);
  });

  it("workshop A sees its RFQs, its order and the files shared with it, never B's quote or that B was invited", async () => {
    const seen = await withOrg(db, f.workshop.org.id, async (tx) => ({
      rfqs: await column(tx, "rfqs", "title"),
      invitations: await column(tx, "rfq_invitations", "workshop_org_id"),
      versions: await column(tx, "quote_versions", "workshop_org_id"),
      messages: await column(tx, "rfq_messages", "body"),
      orders: await count(tx, "orders"),
      files: await column(tx, "files", "purpose"),
      organizations: await column(tx, "organizations", "id"),
    }));
    expect(seen).toEqual({
      rfqs: ["Second", "Spring capsule"],
      invitations: [f.workshop.org.id],
      versions: [f.workshop.org.id],
      messages: ["Which alloy for the 18k?"],
      orders: 1,
      files: ["collection_style_file", "quote_attachment", "rfq_attachment", "rfq_message_attachment"],
      organizations: [f.brand.org.id, f.workshop.org.id, b.org.id].sort(), // B only as a published workshop of the directory
    });
  });

  it("a workshop not invited sees no RFQ, line, file, revision or design of the brand", async () => {
    const outsider = f.outsider.workshop;
    const seen = await withOrg(db, outsider.org.id, async (tx) => ({
      rfqs: await count(tx, "rfqs"),
      lines: await count(tx, "rfq_lines"),
      attachments: await count(tx, "rfq_attachments"),
      revisions: await count(tx, "design_revisions"),
      designs: await count(tx, "designs"),
      collections: await count(tx, "collections"),
      files: await column(tx, "files", "org_id"),
    }));
    expect(seen).toEqual({ rfqs: 0, lines: 0, attachments: 0, revisions: 0, designs: 0, collections: 0, files: [] });
  });

  it("an invited workshop sees the approved revisions shared with it, never the draft revision nor its comments", async () => {
    const seen = await withOrg(db, f.workshop.org.id, async (tx) => ({
      statuses: await column(tx, "design_revisions", "status"),
      comments: await count(tx, "design_revision_comments"),
      draftFiles: await count(tx, "design_revision_attachments"),
    }));
    expect(seen).toEqual({ statuses: ["approved"], comments: 0, draftFiles: 0 });
  });

  it("a workshop cannot write a quote on an RFQ it was not sent, nor a message as the brand", async () => {
    const refused = async (run: () => Promise<unknown>) => run().then(() => "written", (e: unknown) => ((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code ?? "error"));
    const onDraft = await refused(() =>
      withOrg(db, b.org.id, (tx) =>
        tx.execute(sql`insert into quotes (invitation_id, rfq_id, brand_org_id, workshop_org_id) select id, rfq_id, brand_org_id, workshop_org_id from rfq_invitations where rfq_id = ${draftId}`),
      ),
    );
    // B cannot even read its invitation on the draft, so nothing is inserted; a forged row is refused.
    expect(onDraft).toBe("written");
    expect(await count(db, "quotes")).toBe(2);
    const forged = await refused(() =>
      withOrg(db, b.org.id, (tx) => tx.execute(sql`insert into quotes (invitation_id, rfq_id, brand_org_id, workshop_org_id) values (${setup.invitationOf(f.workshop).id}, ${setup.rfq.id}, ${f.brand.org.id}, ${b.org.id})`)),
    );
    expect(forged).toBe("42501");
    const asBrand = await refused(() =>
      withOrg(db, f.workshop.org.id, (tx) =>
        tx.execute(sql`insert into rfq_messages (invitation_id, brand_org_id, workshop_org_id, author_org_id, body) values (${setup.invitationOf(f.workshop).id}, ${f.brand.org.id}, ${f.workshop.org.id}, ${f.brand.org.id}, 'spoofed')`),
      ),
    );
    expect(asBrand).toBe("42501");
  });
});
