import type { Reporter, TestModule, Vitest } from "vitest/node";

/**
 * Tests tagged `race` send concurrent requests that race for one row (the last
 * units of stock, a discount's last uses, one cart's completion, one email).
 * The guards they prove (conditional UPDATEs, row locks, unique indexes) only
 * matter when transactions run at once, as on PostgreSQL: on SQLite the
 * kernel's transactions take turns, so those tests cannot fail there for want
 * of a guard. When they ran without KIOSK_TEST_DATABASE_URL, this reporter
 * says so once, after the summary.
 */
export default class RaceNotice implements Reporter {
  private vitest?: Vitest;

  onInit(vitest: Vitest) {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    if (process.env.KIOSK_TEST_DATABASE_URL) return;
    const ran = testModules.flatMap((m) =>
      [...m.children.allTests()].filter((t) => t.tags.includes("race") && ["passed", "failed"].includes(t.result().state)),
    );
    if (!ran.length) return;
    const log = (line = "") => (this.vitest ? this.vitest.logger.log(line) : console.log(line));
    log();
    const [tests, they] = ran.length === 1 ? ["race test", "it"] : [`${ran.length} race tests`, "they"];
    const them = they === "it" ? "it" : "them";
    log(`NOTE: the ${tests} (tag "race") ran on SQLite only. There transactions take turns, so ${they} could not fail for`);
    log("      want of the guard meant for transactions that run at once (a row lock, a conditional UPDATE, a unique index).");
    log(`      Set KIOSK_TEST_DATABASE_URL to a PostgreSQL server to run ${them} for real, e.g.`);
    log("      KIOSK_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx vitest run --tags-filter=race");
    for (const t of ran) log(`      - ${t.fullName}`);
    log();
  }
}
