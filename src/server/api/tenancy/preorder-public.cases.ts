/**
 * A preorder's customers have no account: these procedures are public on purpose. What they return is
 * declared (counts of a published campaign; one's own reservation by the secret of its link), and
 * src/server/api/routers/preorder-public.test.ts proves signed-out use, that no other customer's or
 * campaign's data leaves, and that a wrong token is NOT_FOUND.
 */
export const publicProcedures = [
  "preorderPublic.campaign",
  "preorderPublic.viewed",
  "preorderPublic.reserve",
  "preorderPublic.reservation",
  "preorderPublic.payAgain",
  "preorderPublic.payBalance",
  "preorderPublic.cancel",
];
