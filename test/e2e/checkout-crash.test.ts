import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { freePort, kioskIn, PRODUCTION_CORS, spawnKiosk, waitFor, type KioskProcess } from "../helpers/processes";
import { getJson } from "../helpers/server-process";
import { CardBank } from "../fixtures/card-store/src/lib/card-bank";
import { CARDS } from "../fixtures/card-store/src/lib/cards";

const ADMIN = { email: "crash@kiosk.test", password: "supersecret" };
const ADDRESS = { first_name: "Ada", last_name: "L", address_1: "1 Row", city: "Aarhus", country_code: "dk", postal_code: "8000" };

/**
 * A `kiosk start` process SIGKILLed while a card authorization is in flight:
 * the completion's reservation outlives it, and the next process (its
 * `cart-completions` job, once the reservation's lease is over) gives the
 * stock back and voids the authorization; the cart can then be completed.
 * The provider's timeout is 3 s here, so the lease ends 13 s after the
 * reservation.
 */
describe.each(DATABASES)("a server killed mid-authorization on $name", ({ name }) => {
  let dir: string;
  let db: Awaited<ReturnType<typeof suiteDatabase>>;
  let server: { proc: KioskProcess; base: string } | undefined;
  const env = () => ({ DATABASE_URL: db.url, JWT_SECRET: "crash-secret", ...PRODUCTION_CORS, LOG_LEVEL: "warn", CARD_STORE_PAYMENTS_TIMEOUT: "3000" });

  async function start() {
    const port = await freePort();
    const proc = spawnKiosk(["start", "--port", String(port), "--host", "127.0.0.1", "--cwd", dir], env());
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => {
      if (proc.child.exitCode !== null) throw new Error(`kiosk start exited: ${proc.output()}`);
      return (await fetch(`${base}/health`)).ok;
    }, 20_000, "health").catch((err) => {
      throw new Error(`${err.message}\n${proc.output()}`);
    });
    server = { proc, base };
    return server;
  }

  beforeAll(async () => {
    dir = copyFixture("card-store");
    db = await suiteDatabase(name, "crash");
    const kiosk = kioskIn(dir, { DATABASE_URL: db.url });
    for (const args of [["migrate"], ["user", "create", "--email", ADMIN.email, "--password", ADMIN.password], ["build"]]) {
      const r = kiosk(...args);
      if (r.status !== 0) throw new Error(`kiosk ${args.join(" ")} failed: ${r.stderr}`);
    }
  }, 120_000);

  afterAll(async () => {
    if (server?.proc.child.exitCode === null) await server.proc.stop();
    await db?.drop();
    if (dir) removeProject(dir);
  });

  it("gives the stock back and voids the authorization at the next start, then sells", async () => {
    let { base } = await start();
    const call = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
      getJson(base + path, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const token = (await call("/admin/auth/token", ADMIN)).body.access_token;
    const admin = { authorization: `Bearer ${token}` };
    const region = (await call("/admin/regions", { name: "DK", currency_code: "dkk", tax_rate: 25, countries: ["dk"] }, admin)).body.region;
    const option = (await call("/admin/shipping-options", { name: "Post", region_id: region.id, provider_id: "manual", price_type: "flat_rate", amount: 500 }, admin)).body
      .shipping_option;
    const product = (
      await call(
        "/admin/products",
        { title: "Lamp", status: "published", options: [{ title: "S" }], variants: [{ title: "One", inventory_quantity: 3, options: [{ value: "1" }], prices: [{ amount: 4000, currency_code: "dkk" }] }] },
        admin,
      )
    ).body.product;
    const stock = async () => (await call(`/admin/products/${product.id}`, undefined, admin)).body.product.variants[0].inventory_quantity;

    const cart = (await call("/store/carts", { region_id: region.id })).body.cart;
    await call(`/store/carts/${cart.id}/line-items`, { variant_id: product.variants[0].id, quantity: 2 });
    await call(`/store/carts/${cart.id}`, { email: "ada@kiosk.test", shipping_address: ADDRESS });
    await call(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id });
    await call(`/store/carts/${cart.id}/payment-sessions`, {});
    await call(`/store/carts/${cart.id}/payment-session`, { provider_id: "card" });
    const paid = await call(`/store/carts/${cart.id}/payment-sessions/card`, { data: { card: CARDS.hangs } });
    expect(paid.status).toBe(200);
    const intent = paid.body.cart.payment_session.data.intent_id;

    // The provider never answers; the process dies while it waits.
    const bank = CardBank.in(dir);
    void call(`/store/carts/${cart.id}/complete`, {}).catch(() => undefined);
    await waitFor(() => bank.read().calls.includes(`authorize:${intent}`), 10_000, "the authorization");
    expect(await stock()).toBe(1);
    await new Promise<void>((resolve) => {
      server!.proc.child.once("exit", () => resolve());
      server!.proc.child.kill("SIGKILL");
    });
    expect(bank.read().intents[intent].status).not.toBe("canceled");

    ({ base } = await start());
    await waitFor(async () => (await stock()) === 3 && bank.read().intents[intent].status === "canceled", 40_000, "the reservation undone");
    expect((await call(`/admin/orders?cart_id=${cart.id}`, undefined, admin)).body.orders).toEqual([]);
    expect((await call(`/store/carts/${cart.id}`)).body.cart.completed_at).toBeNull();

    await call(`/store/carts/${cart.id}/payment-sessions/card`, { data: { card: CARDS.ok } });
    const done = await call(`/store/carts/${cart.id}/complete`, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.type).toBe("order");
    expect(await stock()).toBe(1);
  }, 90_000);
});
