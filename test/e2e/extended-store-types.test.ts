import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeCheckedProject } from "../helpers/type-check";

/**
 * The `extended-store` fixture (driven over HTTP by `test/integration/extension.test.ts`)
 * type-checks as a project: its config with custom fields and a strategy, its strategies,
 * hooks, CartService override, migration and typed subscriber (`defineSubscriber`,
 * `container.resolve`, `tx.emit`), through the built package. A misspelt service or
 * event name fails.
 */
let project: ReturnType<typeof typeCheckedProject>;

beforeAll(() => {
  project = typeCheckedProject("extended-store");
});

afterAll(() => project?.remove());

describe("the extended-store fixture's types", () => {
  it("passes tsc --noEmit", () => {
    const r = project.tsc();
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("fails with a misspelt service name and a misspelt event name, at their lines", () => {
    const file = "src/subscribers/loyalty-points.ts";
    const r = project.tscWith(
      [file, 'resolve("customerService")', 'resolve("customerSevrice")'],
      [file, 'tx.emit("customer.updated"', 'tx.emit("customer.upated"'],
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/loyalty-points\.ts\(\d+,\d+\): error TS\d+: .*unknown/);
    expect(r.output).toMatch(/loyalty-points\.ts\(\d+,\d+\): error TS2345: .*"customer\.upated"/);
  });

  it("fails with a misspelt event in defineSubscriber", () => {
    const r = project.tscWith(["src/subscribers/loyalty-points.ts", 'defineSubscriber("order.placed"', 'defineSubscriber("order.palced"']);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/loyalty-points\.ts\(9,\d+\): error TS\d+: .*"order\.palced"/);
  });
});
