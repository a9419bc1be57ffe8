type Step = { status: string; actions: readonly string[] };

/**
 * The milestone the workshop reports on from the bench: the current one (the first not done), when it can
 * be marked done — not the deposit (a payment completes it) nor a step waiting for the brand's approval.
 */
export function benchMilestone<M extends Step>(view: { milestones: readonly M[] }): M | null {
  const current = view.milestones.find((m) => m.status !== "completed");
  return current?.actions.includes("complete") ? current : null;
}
