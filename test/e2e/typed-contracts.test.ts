import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeCheckedProject } from "../helpers/type-check";

/**
 * The typed contracts, as a project's `tsc --noEmit` sees them through the
 * built package (`node_modules/kiosk` linked to this repo, its
 * `exports` and `.d.ts`): `req.scope.resolve(name)` and a service's cradle are
 * typed from `KioskServices`, `tx.emit` and `defineSubscriber` from
 * `KioskEvents`, both merged with what the project declares; `kiosk/sql` and
 * `kiosk/testing` are entries of their own. Each contract broken in the
 * project must fail the type check, at the line that breaks it.
 */
let project: ReturnType<typeof typeCheckedProject>;

beforeAll(() => {
  project = typeCheckedProject("typed-contracts");
});

afterAll(() => project?.remove());

describe("typed contracts", () => {
  it("a project using typed resolve, declared events, defineSubscriber and the kiosk/sql and kiosk/testing entries type-checks", () => {
    const r = project.tsc();
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it.each([
    ["a misspelt service in req.scope.resolve", "src/api/store/wishes/route.ts", 'resolve("wishService")', 'resolve("wishSevrice")', /route\.ts\(4,\d+\): error TS\d+: .*unknown/],
    ["a misspelt core service in a cradle", "src/services/wish.ts", "this.cradle.productService", "this.cradle.prodcutService", /wish\.ts\(8,\d+\): error TS2551: Property 'prodcutService' does not exist/],
    ["a misspelt core service in a subscriber's container", "src/subscribers/order-placed.ts", 'resolve("orderService")', 'resolve("ordersService")', /order-placed\.ts\(6,\d+\): error TS\d+: .*unknown/],
    ["a misspelt event in tx.emit", "src/services/wish.ts", 'tx.emit("wish.made"', 'tx.emit("wish.mdae"', /wish\.ts\(11,\d+\): error TS2345: .*"wish\.mdae"/],
    ["a payload without a declared field", "src/services/wish.ts", '{ id, note });', "{ id });", /wish\.ts\(11,\d+\): error TS2741: Property .note. is missing/],
    ["a misspelt event in defineSubscriber", "src/subscribers/wish-made.ts", 'defineSubscriber("wish.made"', 'defineSubscriber("wish.maed"', /wish-made\.ts\(3,\d+\): error TS\d+: .*"wish\.maed"/],
    ["a misspelt core event in defineSubscriber", "src/subscribers/order-placed.ts", '"order.placed"', '"order.plcaed"', /order-placed\.ts\(4,\d+\): error TS\d+: .*"order\.plcaed"/],
    ["a field the event does not carry", "src/subscribers/wish-made.ts", "data.note;", "data.title;", /wish-made\.ts\(4,\d+\): error TS2339: Property 'title' does not exist/],
    ["a misspelt event in unitOfWork.emit from a job", "src/jobs/tidy.ts", 'emit("wish.made"', 'emit("wish.mad"', /tidy\.ts\(4,\d+\): error TS\d+: .*"wish\.mad"/],
    ["the raw-SQL layer imported from the stable entry", "src/entries.ts", 'from "kiosk/sql"', 'from "kiosk"', /entries\.ts\(2,\d+\): error TS2305: Module '"kiosk"' has no exported member 'sql'/],
  ])("refuses %s", (_what, file, from, to, error) => {
    const r = project.tscWith([file, from, to]);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(error);
  });
});
