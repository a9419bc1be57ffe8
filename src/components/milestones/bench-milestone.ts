type Step = { status: string; actions: readonly string[] };

/**
 * The milestone the workshop reports on from the bench: the current one (the first not done), when it can
 * be marked done — not the deposit (a payment completes it) nor a step waiting for the brand's approval.
 */
export function benchMilestone<M extends Step>(view: { milestones: readonly M[] }): M | null {
  const current = view.milestones.find((m) => m.status !== "completed");
  return current?.actions.includes("complete") ? current : null;
}

/**
 * Whether a production board card opens straight on the bench page: an order in production whose current
 * milestone the workshop can mark done now (so from the board it is one tap to the bench, one to the camera,
 * one to done). An order awaiting its deposit, or waiting on the brand's approval, opens on its order page.
 */
export function opensOnTheBench(card: { stage: string; currentMilestone: { status: string } | null }): boolean {
  return card.stage === "in_production" && card.currentMilestone !== null && ["pending", "in_progress", "blocked"].includes(card.currentMilestone.status);
}
