import { describe, expect, it } from "vitest";
import { kiosk } from "../helpers/kiosk";

const tick = () => new Promise((r) => setImmediate(r));

describe("WeightedSemaphore", () => {
  it("admits work while it fits, in arrival order, and runs work heavier than the capacity alone", async () => {
    const gate = new kiosk.WeightedSemaphore(400);
    const running = new Set<string>();
    const releases = new Map<string, () => void>();
    const log: string[] = [];
    const job = (name: string, weight: number) =>
      gate.run(weight, async () => {
        running.add(name);
        log.push(`start ${name} with ${[...running].sort().join(",")}`);
        await new Promise<void>((r) => releases.set(name, r));
        running.delete(name);
      });
    const done = [job("a", 200), job("b", 200), job("c", 20), job("d", 1000), job("e", 20)];
    await tick();
    // a and b fill the capacity: c waits, and d and e wait behind it, in order.
    expect(log).toEqual(["start a with a", "start b with a,b"]);
    releases.get("a")!();
    await tick();
    await tick();
    expect(log.at(-1)).toBe("start c with b,c");
    expect(running.has("d")).toBe(false); // d (heavier than the capacity) waits for the gate to be empty
    releases.get("b")!();
    releases.get("c")!();
    await tick();
    await tick();
    expect(log.at(-1)).toBe("start d with d");
    releases.get("d")!();
    await tick();
    await tick();
    expect(log.at(-1)).toBe("start e with e");
    releases.get("e")!();
    await Promise.all(done);
  });

  it("frees its weight when the work throws", async () => {
    const gate = new kiosk.WeightedSemaphore(10);
    await expect(gate.run(10, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(10, async () => "ran")).toBe("ran");
  });
});
