/** Next.js calls this once when a server process starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInProcessWorker } = await import("./server/jobs/in-process");
  await startInProcessWorker()?.catch((err: unknown) => console.error("[jobs] the in-process worker did not start", err));
}
