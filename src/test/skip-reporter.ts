import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints, after the run, how many tests were skipped and which: tests that only mean something on a
 * real PostgreSQL server (two connections racing, several databases) say so in their names.
 */
export default class SkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const skipped: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        if (test.result().state === "skipped") skipped.push(test.fullName);
      }
    }
    if (skipped.length === 0) return;
    const where = process.env.DATABASE_URL ? "" : " (embedded PostgreSQL has one connection and one database; set DATABASE_URL to run them)";
    console.log(`\n${skipped.length} skipped${where}:`);
    for (const name of skipped) console.log(`  - ${name}`);
  }
}
