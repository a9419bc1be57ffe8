import { describe, expect, it } from "vitest";
import { singleFlight } from "./single-flight";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("an action behind a double-click guard", () => {
  it("runs once for two clicks that land while the first is still saving, and both get its result", async () => {
    const gate = deferred<string>();
    let runs = 0;
    const save = singleFlight(() => {
      runs++;
      return gate.promise;
    });
    const first = save();
    const second = save();
    gate.resolve("entry-1");
    expect(await first).toBe("entry-1");
    expect(await second).toBe("entry-1");
    expect(runs).toBe(1);
  });

  it("runs again for a click after the first has finished, failed or not", async () => {
    let runs = 0;
    const save = singleFlight(async () => {
      runs++;
      if (runs === 1) throw new Error("network");
      return runs;
    });
    await expect(save()).rejects.toThrow("network");
    expect(await save()).toBe(2);
    expect(runs).toBe(2);
  });
});

describe("a keyed double-click guard", () => {
  it("joins calls for the same item and runs calls for different items", async () => {
    const gate = deferred<void>();
    const removed: string[] = [];
    const remove = singleFlight(
      async (id: string) => {
        removed.push(id);
        await gate.promise;
      },
      (id) => id,
    );
    const runs = [remove("piece-1"), remove("piece-1"), remove("piece-2")];
    gate.resolve();
    await Promise.all(runs);
    expect(removed).toEqual(["piece-1", "piece-2"]);
  });
});
