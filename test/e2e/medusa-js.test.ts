import Medusa from "@medusajs/medusa-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvents, SHIPPING_ADDRESS } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { medusaJsCoverage } from "../helpers/medusa-js-coverage";
import { ADMIN, startStore, type Store } from "../helpers/store";

/**
 * Wire compatibility with Medusa v1's own JS client: a store made by the real
 * `create-store` (the starter as a user gets it), booted and driven only
 * through `@medusajs/medusa-js` (6.1.x, the client of Medusa 1.17 to 1.20). Every
 * call checks the envelope its response type promises (`{ product }`,
 * `{ products, count, offset, limit }`, …). Each resource is one `describe` below;
 * a new one is one more, using the
 * clients and the seed made in `beforeAll`.
 *
 * How medusa-js authenticates under Node: it keeps no cookies and registers no JWT
 * outside a browser (`getToken` stores it only when `window` exists), and its
 * `apiKey` is sent as `x-medusa-access-token` (a Medusa user's API token, which
 * Kiosk has not). So the admin and a customer each get a client whose
 * `customHeaders` carry `Authorization: Bearer <access_token>` from `getToken`.
 */

/** The least of medusa-js's methods this file must drive (store 65, admin 254 in all; see the last describe). */
const STORE_FLOOR = 65;
const ADMIN_FLOOR = 252;

type Answer = Record<string, any> & { response: { status: number } };
type Kind = "object" | "array" | "string" | "number" | "boolean" | "nullable-object";

/** Asserts an answer's status and that its envelope has each field, of its kind; returns the answer. */
function envelope<T extends Answer>(res: T, fields: Record<string, Kind>, status = 200): T {
  expect(res.response.status).toBe(status);
  for (const [field, kind] of Object.entries(fields)) {
    const value = res[field];
    const ok =
      kind === "array" ? Array.isArray(value)
      : kind === "object" ? !!value && typeof value === "object" && !Array.isArray(value)
      : kind === "nullable-object" ? value === null || (typeof value === "object" && !Array.isArray(value))
      : typeof value === kind;
    expect(ok, `${field} should be ${kind}, is ${JSON.stringify(value)?.slice(0, 200)}`).toBe(true);
  }
  return res;
}

/** A paginated list envelope: `{ <name>: [...], count, offset, limit }`. */
const list = <T extends Answer>(res: T, name: string) => envelope(res, { [name]: "array", count: "number", offset: "number", limit: "number" });

/** A deletion: `{ id, object, deleted: true }`. */
function deleted(res: Answer, id: string, object: string) {
  envelope(res, { id: "string", object: "string", deleted: "boolean" });
  expect(res).toMatchObject({ id, object, deleted: true });
}

/** The error a medusa-js call was answered with: its status and Kiosk's `{ type, code, message }`. */
async function failure(call: Promise<unknown>): Promise<{ status: number; body: { type: string; code: string; message: string } }> {
  const err: any = await call.then(
    () => {
      throw new Error("the call should have failed");
    },
    (e) => e,
  );
  expect(err.response, String(err)).toBeDefined();
  const body = err.response.data;
  expect(body).toMatchObject({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
  return { status: err.response.status, body };
}

/** An axios adapter over fetch, which sends a FormData body as multipart (with its boundary) from Node. */
async function fetchAdapter(config: { url: string; baseURL: string; method: string; headers: Record<string, string>; data: unknown }) {
  const headers = { ...config.headers };
  if (config.data instanceof FormData) delete headers["Content-Type"];
  const res = await fetch(new URL(config.url, config.baseURL), { method: config.method.toUpperCase(), headers, body: config.data as BodyInit });
  const text = await res.text();
  const response = { data: text ? JSON.parse(text) : undefined, status: res.status, statusText: res.statusText, headers: Object.fromEntries(res.headers), config, request: {} };
  if (res.ok) return response;
  throw Object.assign(new Error(`Request failed with status code ${res.status}`), { config, response, isAxiosError: true });
}

describe.each(DATABASES)("medusa-js against Kiosk on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  /** Which medusa-js methods this file drives (the last describe prints it and holds a floor). */
  const coverage = medusaJsCoverage();
  /** Anonymous store client. */
  let medusa: Medusa;
  /** The admin's client (bearer token). */
  let admin: Medusa["admin"];
  /** A client with a customer's bearer token. */
  const as = (token: string) => coverage.wrap(new Medusa({ baseUrl: store.server.url, maxRetries: 0, customHeaders: { Authorization: `Bearer ${token}` } }));

  const seed = {} as {
    region: any;
    collection: any;
    product: any;
    option: any;
    customer: { id: string; email: string; password: string; client: Medusa };
  };
  let n = 0;

  /** The data of events raised since `from`, by name (after the bus has published them). */
  async function eventsSince(from: number, eventName: string): Promise<any[]> {
    await events.drain();
    return events.messages.slice(from).filter((m) => m.name === eventName).map((m) => m.data);
  }

  /** A checkout through medusa-js: cart, line, address and email, shipping, payment session, completion. */
  async function checkout(client: Medusa, email?: string) {
    const { cart } = envelope(await client.carts.create({ region_id: seed.region.id }), { cart: "object" });
    envelope(await client.carts.lineItems.create(cart.id, { variant_id: seed.product.variants[0].id, quantity: 2 }), { cart: "object" });
    const updated = envelope(
      await client.carts.update(cart.id, { ...(email ? { email } : {}), shipping_address: SHIPPING_ADDRESS }),
      { cart: "object" },
    ).cart;
    expect(updated.items).toHaveLength(1);
    const options = envelope(await client.shippingOptions.listCartOptions(cart.id), { shipping_options: "array" }).shipping_options;
    expect(options.map((o: { id: string }) => o.id)).toContain(seed.option.id);
    envelope(await client.carts.addShippingMethod(cart.id, { option_id: seed.option.id }), { cart: "object" });
    const sessions = envelope(await client.carts.createPaymentSessions(cart.id), { cart: "object" }).cart;
    expect(sessions.payment_sessions.map((s: { provider_id: string }) => s.provider_id)).toContain("manual");
    const ready = envelope(await client.carts.setPaymentSession(cart.id, { provider_id: "manual" }), { cart: "object" }).cart;
    expect(ready.payment_session).toMatchObject({ provider_id: "manual" });
    envelope(await client.carts.retrieve(cart.id), { cart: "object" });
    const done = envelope(await client.carts.complete(cart.id), { type: "string", data: "object" });
    expect(done.type).toBe("order");
    expect(done.data).toMatchObject({ object: "order", cart_id: cart.id, total: ready.total });
    return done.data;
  }

  beforeAll(async () => {
    store = await startStore(name, "medusa_js", { scaffold: true });
    events = recordEvents(store);
    medusa = coverage.wrap(new Medusa({ baseUrl: store.server.url, maxRetries: 0 }));
    const { access_token } = envelope(await medusa.admin.auth.getToken(ADMIN), { access_token: "string" });
    admin = as(access_token).admin;

    seed.region = envelope(
      await admin.regions.create({
        name: "Denmark",
        currency_code: "dkk",
        tax_rate: 25,
        countries: ["dk"],
        payment_providers: ["manual"],
        fulfillment_providers: ["manual"],
      }),
      { region: "object" },
    ).region;
    seed.collection = envelope(await admin.collections.create({ title: "Summer", handle: "summer" }), { collection: "object" }).collection;
    seed.product = envelope(
      await admin.products.create({
        title: "Linen shirt",
        status: "published" as any,
        collection_id: seed.collection.id,
        options: [{ title: "Size" }],
        variants: [{ title: "M", inventory_quantity: 100, prices: [{ amount: 4000, currency_code: "dkk" }], options: [{ value: "M" }] }],
      } as any),
      { product: "object" },
    ).product;
    seed.option = envelope(
      await admin.shippingOptions.create({
        name: "Standard",
        region_id: seed.region.id,
        provider_id: "manual",
        price_type: "flat_rate",
        amount: 1000,
        data: {},
      } as any),
      { shipping_option: "object" },
    ).shipping_option;
  });

  afterAll(async () => {
    await store?.close();
  });

  describe("admin auth", () => {
    it("signs in with a token or a session, and refuses a wrong password", async () => {
      const { access_token } = envelope(await medusa.admin.auth.getToken(ADMIN), { access_token: "string" });
      envelope(await medusa.admin.auth.createSession(ADMIN), { user: "object" });
      const session = envelope(await as(access_token).admin.auth.getSession(), { user: "object" });
      expect(session.user).toMatchObject({ email: ADMIN.email });
      expect(session.user.password_hash).toBeUndefined();
      expect((await failure(medusa.admin.auth.getToken({ ...ADMIN, password: "wrong-password" }))).status).toBe(401);
      expect((await failure(medusa.admin.orders.list())).status).toBe(401);
    });
  });

  describe("store catalog", () => {
    it("lists and retrieves regions, products and collections", async () => {
      const regions = list(await medusa.regions.list(), "regions").regions;
      expect(regions.map((r: { id: string }) => r.id)).toContain(seed.region.id);
      expect(envelope(await medusa.regions.retrieve(seed.region.id), { region: "object" }).region).toMatchObject({ currency_code: "dkk" });

      const products = list(await medusa.products.list({ region_id: seed.region.id }), "products");
      expect(products.products.map((p: { id: string }) => p.id)).toContain(seed.product.id);
      const product = envelope(await medusa.products.retrieve(seed.product.id), { product: "object" }).product;
      expect(product).toMatchObject({ id: seed.product.id, collection_id: seed.collection.id });
      expect(product.variants[0].prices[0]).toMatchObject({ amount: 4000, currency_code: "dkk" });

      const collections = list(await medusa.collections.list(), "collections");
      expect(collections.collections.map((c: { id: string }) => c.id)).toContain(seed.collection.id);
      expect(envelope(await medusa.collections.retrieve(seed.collection.id), { collection: "object" }).collection).toMatchObject({ handle: "summer" });

      const missing = await failure(medusa.products.retrieve("prod_missing"));
      expect(missing.status).toBe(404);
    });
  });

  describe("customers", () => {
    it("registers, signs in, reads and updates the account, resets the password", async () => {
      const email = `medusa-js-${++n}@kiosk.test`;
      const password = "correct-horse";
      const created = envelope(await medusa.customers.create({ email, password, first_name: "Ada", last_name: "L" }), { customer: "object" });
      expect(created.customer).toMatchObject({ email, has_account: true });
      expect(envelope(await medusa.auth.exists(email), { exists: "boolean" }).exists).toBe(true);
      envelope(await medusa.auth.authenticate({ email, password }), { customer: "object" });
      const { access_token } = envelope(await medusa.auth.getToken({ email, password }), { access_token: "string" });
      const client = as(access_token);
      expect(envelope(await client.auth.getSession(), { customer: "object" }).customer).toMatchObject({ email });
      expect(envelope(await client.customers.retrieve(), { customer: "object" }).customer).toMatchObject({ email });
      expect(envelope(await client.customers.update({ first_name: "Augusta" }), { customer: "object" }).customer).toMatchObject({ first_name: "Augusta" });
      list(await client.customers.listOrders(), "orders");
      expect((await failure(medusa.customers.retrieve())).status).toBe(401);

      const from = events.messages.length;
      expect((await medusa.customers.generatePasswordToken({ email })).response.status).toBe(204);
      const [reset] = await eventsSince(from, "customer.password_reset");
      expect(reset).toMatchObject({ email, token: expect.any(String) });
      const newPassword = "battery-staple";
      envelope(await medusa.customers.resetPassword({ email, password: newPassword, token: reset.token }), { customer: "object" });
      expect((await failure(medusa.auth.getToken({ email, password }))).status).toBe(401);
      const again = envelope(await medusa.auth.getToken({ email, password: newPassword }), { access_token: "string" });
      seed.customer = { id: created.customer.id, email, password: newPassword, client: as(again.access_token) };
    });
  });

  describe("checkout and store orders", () => {
    it("takes a signed-in customer's order and shows it to them", async () => {
      const { client, email, id } = seed.customer;
      const order = await checkout(client);
      expect(order).toMatchObject({ customer_id: id, email });
      expect(envelope(await client.orders.retrieve(order.id), { order: "object" }).order).toMatchObject({ id: order.id });
      expect(envelope(await client.orders.retrieveByCartId(order.cart_id), { order: "object" }).order).toMatchObject({ id: order.id });
      expect(envelope(await client.orders.lookupOrder({ display_id: order.display_id, email }), { order: "object" }).order).toMatchObject({ id: order.id });
      // A customer's order is shown only to that customer (Kiosk's rule; a guest's order to whoever has its id).
      expect((await failure(medusa.orders.retrieve(order.id))).status).toBe(404);
      const guest = await checkout(medusa, `guest-${++n}@kiosk.test`);
      expect(envelope(await medusa.orders.retrieve(guest.id), { order: "object" }).order).toMatchObject({ id: guest.id, customer_id: null });
      expect(envelope(await medusa.orders.lookupOrder({ display_id: guest.display_id, email: guest.email }), { order: "object" }).order).toMatchObject({
        id: guest.id,
      });
      const mine = list(await client.customers.listOrders(), "orders");
      expect(mine.orders.map((o: { id: string }) => o.id)).toContain(order.id);
    });
  });

  describe("admin orders", () => {
    it("lists, retrieves, updates, sets shipping, captures, fulfils, ships and refunds", async () => {
      const placed = await checkout(medusa, `buyer-${++n}@kiosk.test`);
      const orders = list(await admin.orders.list({ limit: 10, offset: 0 } as any), "orders");
      expect(orders.orders.map((o: { id: string }) => o.id)).toContain(placed.id);
      expect(envelope(await admin.orders.retrieve(placed.id), { order: "object" }).order).toMatchObject({ id: placed.id, payment_status: "awaiting" });
      const updated = envelope(await admin.orders.update(placed.id, { email: `changed-${n}@kiosk.test`, metadata: { ref: "A1" } } as any), { order: "object" });
      expect(updated.order).toMatchObject({ email: `changed-${n}@kiosk.test`, metadata: { ref: "A1" } });

      const withShipping = envelope(await admin.orders.addShippingMethod(placed.id, { option_id: seed.option.id, price: 500 }), { order: "object" }).order;
      expect(withShipping).toMatchObject({ shipping_total: 500 });
      expect(withShipping.shipping_methods).toHaveLength(1);

      const captured = envelope(await admin.orders.capturePayment(placed.id), { order: "object" }).order;
      // The payment authorized at checkout is what is captured (as Medusa v1: a new shipping price does not change it).
      expect(captured).toMatchObject({ payment_status: "captured", paid_total: placed.total });
      const fulfilled = envelope(
        await admin.orders.createFulfillment(placed.id, { items: [{ item_id: placed.items[0].id, quantity: 2 }] }),
        { order: "object" },
      ).order;
      expect(fulfilled).toMatchObject({ fulfillment_status: "fulfilled" });
      const shipped = envelope(
        await admin.orders.createShipment(placed.id, { fulfillment_id: fulfilled.fulfillments[0].id, tracking_numbers: ["TRACK-1"] }),
        { order: "object" },
      ).order;
      expect(shipped).toMatchObject({ fulfillment_status: "shipped" });
      const refunded = envelope(await admin.orders.refundPayment(placed.id, { amount: 100, reason: "other" as any }), { order: "object" }).order;
      expect(refunded).toMatchObject({ payment_status: "partially_refunded", refunded_total: 100 });
      expect(refunded.refunds).toHaveLength(1);

      const other = await checkout(medusa, `buyer-${++n}@kiosk.test`);
      expect(envelope(await admin.orders.cancel(other.id), { order: "object" }).order).toMatchObject({ status: "canceled" });
      const refused = await failure(admin.orders.capturePayment(other.id));
      expect(refused).toMatchObject({ status: 422, body: { code: "order_canceled" } });
      expect((await failure(admin.orders.retrieve("order_missing"))).status).toBe(404);
    });
  });

  describe("order claims", () => {
    it("lets a customer claim guest orders through the token sent to their email", async () => {
      const guestEmail = `guest-${++n}@kiosk.test`;
      const guestOrder = await checkout(medusa, guestEmail);
      expect(guestOrder.customer_id).toBeNull();
      const { client, id, email } = seed.customer;

      const from = events.messages.length;
      expect((await client.orders.requestCustomerOrders({ order_ids: [guestOrder.id] })).response.status).toBe(200);
      const [sent] = await eventsSince(from, "order-update-token.created");
      expect(sent).toMatchObject({ old_email: guestEmail, new_customer_id: id, orders: [guestOrder.id], token: expect.any(String) });
      expect((await failure(medusa.orders.requestCustomerOrders({ order_ids: [guestOrder.id] }))).status).toBe(401);

      expect((await medusa.orders.confirmRequest({ token: sent.token })).response.status).toBe(200);
      const mine = list(await client.customers.listOrders(), "orders");
      expect(mine.orders.find((o: { id: string }) => o.id === guestOrder.id)).toMatchObject({ customer_id: id, email });
      expect((await failure(medusa.orders.confirmRequest({ token: "not-a-token" }))).status).toBe(401);
    });
  });

  describe("swaps", () => {
    it("store create and retrieve, the swap cart's completion, admin create, fulfil, ship, pay, cancel, list and retrieve", async () => {
      const placed = await checkout(medusa, `swapper-${++n}@kiosk.test`);
      envelope(await admin.orders.capturePayment(placed.id), { order: "object" });
      const line = placed.items[0];
      const fulfilled = envelope(await admin.orders.createFulfillment(placed.id, { items: [{ item_id: line.id, quantity: 2 }] }), { order: "object" }).order;
      envelope(await admin.orders.createShipment(placed.id, { fulfillment_id: fulfilled.fulfillments[0].id }), { order: "object" });

      const variant = seed.product.variants[0];
      const { swap } = envelope(
        await medusa.swaps.create({ order_id: placed.id, return_items: [{ item_id: line.id, quantity: 1 }], additional_items: [{ variant_id: variant.id, quantity: 1 }] }),
        { swap: "object" },
      );
      expect(swap).toMatchObject({ order_id: placed.id, fulfillment_status: "not_fulfilled", return_order: { status: "requested" } });
      expect(envelope(await medusa.swaps.retrieveByCartId(swap.cart_id), { swap: "object" }).swap.id).toBe(swap.id);
      envelope(await medusa.carts.addShippingMethod(swap.cart_id, { option_id: seed.option.id }), { cart: "object" });
      envelope(await medusa.carts.createPaymentSessions(swap.cart_id), { cart: "object" });
      envelope(await medusa.carts.setPaymentSession(swap.cart_id, { provider_id: "manual" }), { cart: "object" });
      const done = envelope(await medusa.carts.complete(swap.cart_id), { type: "string", data: "object" });
      // 4000 + 1000 shipping + 25 % tax = 6250 for one of the line's two units (5000 of its 10000).
      expect(done).toMatchObject({ type: "swap", data: { id: swap.id, difference_due: 1250 } });

      const shipping = envelope(await admin.orders.fulfillSwap(placed.id, swap.id, {}), { order: "object" }).order.swaps[0];
      expect(shipping.fulfillment_status).toBe("fulfilled");
      const shipped = envelope(
        await admin.orders.createSwapShipment(placed.id, swap.id, { fulfillment_id: shipping.fulfillments[0].id, tracking_numbers: ["SWAP-1"] }),
        { order: "object" },
      ).order;
      expect(shipped.swaps[0].fulfillment_status).toBe("shipped");
      const paid = envelope(await admin.orders.processSwapPayment(placed.id, swap.id), { order: "object" }).order;
      expect(paid.swaps[0].payment_status).toBe("captured");
      expect(paid.refunds.map((r: { amount: number }) => r.amount)).toEqual([5000]);

      const withTwo = envelope(
        await admin.orders.createSwap(placed.id, { return_items: [{ item_id: line.id, quantity: 1 }], additional_items: [{ variant_id: variant.id, quantity: 1 }] }),
        { order: "object" },
      ).order;
      expect(withTwo.swaps).toHaveLength(2);
      const second = withTwo.swaps.find((s: { id: string }) => s.id !== swap.id);
      expect(envelope(await admin.orders.cancelSwap(placed.id, second.id), { order: "object" }).order.swaps.find((s: { id: string }) => s.id === second.id)).toMatchObject({
        fulfillment_status: "canceled",
      });
      expect(await failure(admin.orders.cancelSwap(placed.id, second.id))).toMatchObject({ status: 422, body: { code: "swap_canceled" } });

      const swaps = list(await admin.swaps.list(), "swaps");
      expect(swaps.swaps.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([swap.id, second.id]));
      expect(envelope(await admin.swaps.retrieve(swap.id), { swap: "object" }).swap).toMatchObject({ id: swap.id, payment_status: "captured" });
    });
  });

  describe("claims", () => {
    it("creates, updates, fulfils, ships and cancels claims on a shipped order", async () => {
      const placed = await checkout(medusa, `claimer-${++n}@kiosk.test`);
      const orderId = placed.id;
      const line = placed.items[0];
      envelope(await admin.orders.capturePayment(orderId), { order: "object" });
      const fulfilled = envelope(await admin.orders.createFulfillment(orderId, { items: [{ item_id: line.id, quantity: 2 }] }), { order: "object" }).order;
      envelope(await admin.orders.createShipment(orderId, { fulfillment_id: fulfilled.fulfillments[0].id }), { order: "object" });
      const from = events.messages.length;

      const replace = {
        type: "replace",
        claim_items: [{ item_id: line.id, quantity: 1, reason: "production_failure", note: "Torn seam" }],
        additional_items: [{ variant_id: seed.product.variants[0].id, quantity: 1 }],
        shipping_methods: [{ option_id: seed.option.id, price: 0 }],
      } as any;
      const created = envelope(await admin.orders.createClaim(orderId, replace), { order: "object" }).order;
      const claim = created.claims[0];
      expect(claim).toMatchObject({ type: "replace", payment_status: "na", fulfillment_status: "not_fulfilled", claim_items: [{ item_id: line.id, quantity: 1 }] });
      const updated = envelope(await admin.orders.updateClaim(orderId, claim.id, { no_notification: true, metadata: { ticket: "C-1" } } as any), { order: "object" }).order;
      expect(updated.claims[0]).toMatchObject({ no_notification: true, metadata: { ticket: "C-1" } });

      const sent = envelope(await admin.orders.fulfillClaim(orderId, claim.id, {} as any), { order: "object" }).order.claims[0];
      expect(sent).toMatchObject({ fulfillment_status: "fulfilled", fulfillments: [{ provider_id: "manual" }] });
      const undone = envelope(await admin.orders.cancelClaimFulfillment(orderId, claim.id, sent.fulfillments[0].id), { order: "object" }).order.claims[0];
      expect(undone).toMatchObject({ fulfillment_status: "canceled", canceled_at: null });
      const resent = envelope(await admin.orders.fulfillClaim(orderId, claim.id, {} as any), { order: "object" }).order.claims[0];
      const shipped = envelope(
        await admin.orders.createClaimShipment(orderId, claim.id, { fulfillment_id: resent.fulfillments[1].id, tracking_numbers: ["CLAIM-1"] } as any),
        { order: "object" },
      ).order.claims[0];
      expect(shipped).toMatchObject({ fulfillment_status: "shipped", additional_items: [{ shipped_quantity: 1 }] });
      const refused = await failure(admin.orders.cancelClaim(orderId, claim.id));
      expect(refused).toMatchObject({ status: 422, body: { code: "claim_fulfilled" } });

      // A second replace claim, canceled: its unit may then be claimed for a refund.
      const second = envelope(await admin.orders.createClaim(orderId, replace), { order: "object" }).order.claims[1];
      const canceled = envelope(await admin.orders.cancelClaim(orderId, second.id), { order: "object" }).order.claims[1];
      expect(canceled).toMatchObject({ canceled_at: expect.any(String), fulfillment_status: "canceled" });
      const refund = { type: "refund", claim_items: [{ item_id: line.id, quantity: 1, reason: "missing_item" }] } as any;
      const refunded = envelope(await admin.orders.createClaim(orderId, refund), { order: "object" }).order;
      expect(refunded.claims[2]).toMatchObject({ type: "refund", payment_status: "refunded", refund_amount: refunded.refunded_total });
      expect(refunded.refunded_total).toBeGreaterThan(0);
      const names = ["claim.created", "claim.updated", "claim.fulfillment_created", "claim.shipment_created", "claim.canceled", "claim.refund_processed"];
      for (const eventName of names) expect((await eventsSince(from, eventName)).length, eventName).toBeGreaterThan(0);
    });
  });

  describe("return reasons", () => {
    it("admin CRUD, store list and retrieve", async () => {
      const created = envelope(
        await admin.returnReasons.create({ value: `too_big_${++n}`, label: "Too big", description: "Runs large" }),
        { return_reason: "object" },
      ).return_reason;
      expect(created).toMatchObject({ label: "Too big" });
      const all = envelope(await admin.returnReasons.list(), { return_reasons: "array" }).return_reasons;
      expect(all.map((r: { id: string }) => r.id)).toContain(created.id);
      expect(envelope(await admin.returnReasons.retrieve(created.id), { return_reason: "object" }).return_reason).toMatchObject({ id: created.id });
      expect(envelope(await admin.returnReasons.update(created.id, { label: "Far too big" }), { return_reason: "object" }).return_reason).toMatchObject({
        label: "Far too big",
      });

      const shown = envelope(await medusa.returnReasons.list(), { return_reasons: "array" }).return_reasons;
      expect(shown.map((r: { id: string }) => r.id)).toContain(created.id);
      expect(envelope(await medusa.returnReasons.retrieve(created.id), { return_reason: "object" }).return_reason).toMatchObject({ label: "Far too big" });

      deleted(await admin.returnReasons.delete(created.id), created.id, "return_reason");
      expect((await failure(medusa.returnReasons.retrieve(created.id))).status).toBe(404);
    });
  });

  describe("discounts", () => {
    it("admin create with conditions, condition CRUD and batches, dynamic codes, by code, and a condition limiting a cart's discount", async () => {
      const product = seed.product;
      const { discount } = envelope(
        await admin.discounts.create({
          code: `js-dyn-${++n}`,
          rule: { type: "percentage", value: 10, allocation: "total", conditions: [{ operator: "in", products: [product.id] }] },
          regions: [seed.region.id],
          is_dynamic: true,
          valid_duration: "P2D",
        } as any),
        { discount: "object" },
      );
      const conditionId = discount.rule.conditions[0].id;
      expect(envelope(await admin.discounts.retrieveByCode(discount.code), { discount: "object" }).discount.id).toBe(discount.id);
      const withTwo = envelope(
        await admin.discounts.createCondition(discount.id, { operator: "not_in", product_collections: ["pcol_elsewhere"] } as any),
        { discount: "object" },
      ).discount;
      const second = withTwo.rule.conditions.find((c: { id: string }) => c.id !== conditionId);
      expect(envelope(await admin.discounts.getCondition(discount.id, second.id), { discount_condition: "object" }).discount_condition).toMatchObject({
        operator: "not_in",
        product_collections: [{ id: "pcol_elsewhere" }],
      });
      envelope(await admin.discounts.updateCondition(discount.id, second.id, { product_collections: ["pcol_other"] } as any), { discount: "object" });
      envelope(await admin.discounts.addConditionResourceBatch(discount.id, second.id, { resources: [{ id: "pcol_third" }] }), { discount: "object" });
      envelope(await admin.discounts.deleteConditionResourceBatch(discount.id, second.id, { resources: [{ id: "pcol_other" }] }), { discount: "object" });
      const condition = envelope(await admin.discounts.getCondition(discount.id, second.id), { discount_condition: "object" }).discount_condition;
      expect(condition.product_collections).toEqual([{ id: "pcol_third" }]);
      const removed = envelope(await admin.discounts.deleteCondition(discount.id, second.id), { id: "string", object: "string", deleted: "boolean", discount: "object" });
      expect(removed).toMatchObject({ id: second.id, object: "discount-condition", deleted: true });

      const code = `JS-CODE-${n}`;
      const child = envelope(await admin.discounts.createDynamicCode(discount.id, { code }), { discount: "object" }).discount;
      expect(child).toMatchObject({ code, parent_discount_id: discount.id, is_dynamic: true, usage_limit: 1 });
      const { cart } = envelope(await medusa.carts.create({ region_id: seed.region.id }), { cart: "object" });
      envelope(await medusa.carts.lineItems.create(cart.id, { variant_id: product.variants[0].id, quantity: 1 }), { cart: "object" });
      const discounted = envelope(await medusa.carts.update(cart.id, { discounts: [{ code }] }), { cart: "object" }).cart;
      expect(discounted).toMatchObject({ subtotal: 4000, discount_total: 400 });
      const parent = envelope(await admin.discounts.deleteDynamicCode(discount.id, code), { discount: "object" }).discount;
      expect(parent.id).toBe(discount.id);

      const elsewhere = envelope(
        await admin.discounts.create({
          code: `js-cond-${n}`,
          rule: { type: "percentage", value: 10, allocation: "total", conditions: [{ operator: "not_in", products: [product.id] }] },
          regions: [seed.region.id],
        } as any),
        { discount: "object" },
      ).discount;
      const refused = await failure(medusa.carts.update(cart.id, { discounts: [{ code: elsewhere.code }] }));
      expect(refused).toMatchObject({ status: 400, body: { code: "discount_not_valid_for_items" } });
    });
  });

  describe("customer groups", () => {
    it("admin CRUD and members in batches", async () => {
      const email = `grouped-${++n}@kiosk.test`;
      const customer = envelope(
        await admin.customers.create({ email, password: "longenough", first_name: "Gro", last_name: "Uped" }),
        { customer: "object" },
      ).customer;
      const group = envelope(await admin.customerGroups.create({ name: `VIP ${n}` }), { customer_group: "object" }).customer_group;
      expect(group).toMatchObject({ name: `VIP ${n}` });
      expect(list(await admin.customerGroups.list(), "customer_groups").customer_groups.map((g: { id: string }) => g.id)).toContain(group.id);
      expect(envelope(await admin.customerGroups.retrieve(group.id), { customer_group: "object" }).customer_group).toMatchObject({ id: group.id });
      const renamed = envelope(await admin.customerGroups.update(group.id, { name: `Gold ${n}` }), { customer_group: "object" }).customer_group;
      expect(renamed.name).toBe(`Gold ${n}`);
      envelope(await admin.customerGroups.addCustomers(group.id, { customer_ids: [{ id: customer.id }] }), { customer_group: "object" });
      const members = list(await admin.customerGroups.listCustomers(group.id), "customers").customers;
      expect(members.map((c: { id: string }) => c.id)).toEqual([customer.id]);
      envelope(await admin.customerGroups.removeCustomers(group.id, { customer_ids: [{ id: customer.id }] }), { customer_group: "object" });
      expect(list(await admin.customerGroups.listCustomers(group.id), "customers").count).toBe(0);
      const regrouped = envelope(await admin.customers.update(customer.id, { groups: [{ id: group.id }] }), { customer: "object" }).customer;
      expect(regrouped.groups.map((g: { id: string }) => g.id)).toEqual([group.id]);
      deleted(await admin.customerGroups.delete(group.id), group.id, "customer_group");
      expect((await failure(admin.customerGroups.retrieve(group.id))).status).toBe(404);
    });
  });

  describe("price lists", () => {
    it("admin CRUD, price batches, and the store's calculated price", async () => {
      const variantId = seed.product.variants[0].id;
      const created = envelope(
        await admin.priceLists.create({
          name: `Sale ${++n}`,
          description: "Summer",
          type: "sale" as any,
          status: "active" as any,
          prices: [{ variant_id: variantId, amount: 3000, currency_code: "dkk" }],
        }),
        { price_list: "object" },
      ).price_list;
      expect(created).toMatchObject({ type: "sale", status: "active" });
      expect(list(await admin.priceLists.list(), "price_lists").price_lists.map((l: { id: string }) => l.id)).toContain(created.id);
      expect(envelope(await admin.priceLists.retrieve(created.id), { price_list: "object" }).price_list.prices).toHaveLength(1);
      const updated = envelope(await admin.priceLists.update(created.id, { name: `Summer sale ${n}` }), { price_list: "object" }).price_list;
      expect(updated.name).toBe(`Summer sale ${n}`);
      const added = envelope(
        await admin.priceLists.addPrices(created.id, { prices: [{ variant_id: variantId, amount: 2500, currency_code: "dkk", min_quantity: 5 }] }),
        { price_list: "object" },
      ).price_list;
      expect(added.prices).toHaveLength(2);
      expect(list(await admin.priceLists.listProducts(created.id), "products").products.map((p: { id: string }) => p.id)).toEqual([seed.product.id]);

      const shown = list(await medusa.products.list({ id: seed.product.id, region_id: seed.region.id } as any), "products").products[0];
      expect(shown.variants[0]).toMatchObject({ calculated_price: 3000, calculated_price_type: "sale", original_price: 4000 });

      const byId = envelope(await admin.priceLists.deletePrices(created.id, { price_ids: [added.prices[1].id] }), { ids: "array", deleted: "boolean" });
      expect(byId.ids).toEqual([added.prices[1].id]);
      expect(envelope(await admin.priceLists.deleteVariantPrices(created.id, variantId), { ids: "array" }).ids).toHaveLength(1);
      envelope(await admin.priceLists.addPrices(created.id, { prices: [{ variant_id: variantId, amount: 3500, currency_code: "dkk" }] }), { price_list: "object" });
      expect(envelope(await admin.priceLists.deleteProductPrices(created.id, seed.product.id), { ids: "array" }).ids).toHaveLength(1);
      deleted(await admin.priceLists.delete(created.id), created.id, "price-list");
      expect((await failure(admin.priceLists.retrieve(created.id))).status).toBe(404);
    });
  });

  describe("notes", () => {
    it("admin CRUD on an order's notes", async () => {
      const order = await checkout(medusa, `noted-${++n}@kiosk.test`);
      const note = envelope(await admin.notes.create({ resource_id: order.id, resource_type: "order", value: "Gift wrap" }), { note: "object" }).note;
      expect(note).toMatchObject({ resource_id: order.id, value: "Gift wrap" });
      const notes = list(await admin.notes.list({ resource_id: order.id } as any), "notes");
      expect(notes.notes.map((x: { id: string }) => x.id)).toEqual([note.id]);
      expect(envelope(await admin.notes.retrieve(note.id), { note: "object" }).note).toMatchObject({ id: note.id });
      expect(envelope(await admin.notes.update(note.id, { value: "No gift wrap" }), { note: "object" }).note).toMatchObject({ value: "No gift wrap" });
      deleted(await admin.notes.delete(note.id), note.id, "note");
      expect((await failure(admin.notes.retrieve(note.id))).status).toBe(404);
    });
  });

  describe("sales channels and publishable API keys", () => {
    it("admin CRUD on channels and keys, products in channels, and a storefront scoped by its key", async () => {
      const { sales_channel: channel } = envelope(await admin.salesChannels.create({ name: `Pop-up ${++n}`, description: "A market stall" }), { sales_channel: "object" });
      expect(channel).toMatchObject({ description: "A market stall", is_disabled: false });
      expect(envelope(await admin.salesChannels.retrieve(channel.id), { sales_channel: "object" }).sales_channel.id).toBe(channel.id);
      const listed = list(await admin.salesChannels.list({ q: "market stall" } as any), "sales_channels").sales_channels;
      expect(listed.map((c: { id: string }) => c.id)).toEqual([channel.id]);
      expect(envelope(await admin.salesChannels.update(channel.id, { is_disabled: true }), { sales_channel: "object" }).sales_channel.is_disabled).toBe(true);
      envelope(await admin.salesChannels.addProducts(channel.id, { product_ids: [{ id: seed.product.id }] }), { sales_channel: "object" });

      const { publishable_api_key: key } = envelope(await admin.publishableApiKeys.create({ title: "Stall" }), { publishable_api_key: "object" });
      expect(list(await admin.publishableApiKeys.list(), "publishable_api_keys").publishable_api_keys.map((k: { id: string }) => k.id)).toContain(key.id);
      expect(envelope(await admin.publishableApiKeys.update(key.id, { title: "Stall front" }), { publishable_api_key: "object" }).publishable_api_key.title).toBe("Stall front");
      envelope(await admin.publishableApiKeys.addSalesChannelsBatch(key.id, { sales_channel_ids: [{ id: channel.id }] }), { publishable_api_key: "object" });
      const linked = envelope(await admin.publishableApiKeys.listSalesChannels(key.id), { sales_channels: "array" }).sales_channels;
      expect(linked.map((c: { id: string }) => c.id)).toEqual([channel.id]);

      const stall = coverage.wrap(new Medusa({ baseUrl: store.server.url, maxRetries: 0, publishableApiKey: key.id }));
      const shown = list(await stall.products.list(), "products").products;
      expect(shown.map((p: { id: string }) => p.id)).toEqual([seed.product.id]);
      const { cart } = envelope(await stall.carts.create({ region_id: seed.region.id }), { cart: "object" });
      expect(cart.sales_channel_id).toBe(channel.id);

      envelope(await admin.salesChannels.removeProducts(channel.id, { product_ids: [{ id: seed.product.id }] }), { sales_channel: "object" });
      expect(list(await stall.products.list(), "products").products).toEqual([]);
      envelope(await admin.publishableApiKeys.deleteSalesChannelsBatch(key.id, { sales_channel_ids: [{ id: channel.id }] }), { publishable_api_key: "object" });
      expect(envelope(await admin.publishableApiKeys.revoke(key.id), { publishable_api_key: "object" }).publishable_api_key.revoked_at).toEqual(expect.any(String));
      expect((await failure(stall.products.list())).status).toBe(400);
      expect(envelope(await admin.publishableApiKeys.retrieve(key.id), { publishable_api_key: "object" }).publishable_api_key.revoked_by).toEqual(expect.any(String));
      deleted(await admin.publishableApiKeys.delete(key.id), key.id, "publishable_api_key");
      deleted(await admin.salesChannels.delete(channel.id), channel.id, "sales-channel");
      expect((await failure(admin.salesChannels.retrieve(channel.id))).status).toBe(404);
    });
  });

  describe("batch jobs", () => {
    it("creates, lists, retrieves, confirms and cancels batch jobs", async () => {
      const waitFor = async (id: string, status: string) => {
        for (let tries = 0; tries < 300; tries++) {
          const { batch_job } = envelope(await admin.batchJobs.retrieve(id), { batch_job: "object" });
          if (batch_job.status === status) return batch_job;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error(`batch job ${id} never became ${status}`);
      };
      const job = envelope(await admin.batchJobs.create({ type: "product-export", context: {}, dry_run: true }), { batch_job: "object" }).batch_job;
      expect(job).toMatchObject({ type: "product-export", dry_run: true });
      await waitFor(job.id, "pre_processed");
      expect(envelope(await admin.batchJobs.confirm(job.id), { batch_job: "object" }).batch_job.status).not.toBe("pre_processed");
      const done = await waitFor(job.id, "completed");
      expect(done.result.file_key).toMatch(/^exports\//);
      const listed = list(await admin.batchJobs.list({ type: ["product-export"] } as any), "batch_jobs");
      expect(listed.batch_jobs.map((j: { id: string }) => j.id)).toContain(job.id);

      const spare = envelope(await admin.batchJobs.create({ type: "order-export", context: {}, dry_run: true }), { batch_job: "object" }).batch_job;
      await waitFor(spare.id, "pre_processed");
      expect(envelope(await admin.batchJobs.cancel(spare.id), { batch_job: "object" }).batch_job.status).toBe("canceled");
      const refused = await failure(admin.batchJobs.confirm(spare.id));
      expect(refused).toMatchObject({ status: 422, body: { code: "batch_job_not_pre_processed" } });
    });
  });

  describe("notifications", () => {
    it("lists an order's notifications and resends one", async () => {
      const order = await checkout(medusa, `notified-${++n}@kiosk.test`);
      // The order's notification is written by a subscriber after the commit.
      let notifications: any[] = [];
      for (let i = 0; i < 50 && !notifications.length; i++) {
        await events.drain();
        notifications = list(await admin.notifications.list({ resource_id: order.id } as any), "notifications").notifications;
        if (!notifications.length) await new Promise((r) => setTimeout(r, 100));
      }
      expect(notifications.length).toBeGreaterThan(0);
      const [first] = notifications;
      expect(first).toMatchObject({ resource_id: order.id, to: order.email });
      const resent = envelope(await admin.notifications.resend(first.id, {}), { notification: "object" }).notification;
      expect(resent.id).toBe(first.id);
    });
  });
  describe("uploads", () => {
    it("uploads public and protected files, gives a download URL and deletes them", async () => {
      // medusa-js's axios (0.24) sends a FormData only from a browser; in Node it is given a fetch adapter, as an app would.
      const { access_token } = await medusa.admin.auth.getToken(ADMIN);
      const uploader = coverage.wrap(
        new Medusa({
          baseUrl: store.server.url,
          maxRetries: 0,
          customHeaders: { Authorization: `Bearer ${access_token}` },
          axiosAdapter: fetchAdapter as any,
        }),
      ).admin;
      const png = new Blob([Buffer.from("89504e470d0a1a0a00", "hex")], { type: "image/png" });
      const [file] = envelope(await uploader.uploads.create(new File([png], "shirt.png", { type: "image/png" }) as any), { uploads: "array" }).uploads;
      expect(file.key).toMatch(/^[0-9a-f]{32}\.png$/);
      expect((await fetch(file.url)).status).toBe(200);
      const [secret] = envelope(await uploader.uploads.createProtected([new File([png], "a.png", { type: "image/png" })] as any), { uploads: "array" }).uploads;
      const { download_url } = envelope(await admin.uploads.getPresignedDownloadUrl({ file_key: secret.key }), { download_url: "string" });
      expect((await fetch(download_url)).status).toBe(200);
      deleted(await admin.uploads.delete({ file_key: file.key }), file.key, "file");
      expect((await fetch(file.url)).status).toBe(404);
      expect((await failure(admin.uploads.delete({ file_key: file.key }))).status).toBe(404);
    });
  });

  describe("product search", () => {
    it("finds the seeded product by a word of its title", async () => {
      let hits: any[] = [];
      for (let i = 0; i < 50 && !hits.length; i++) {
        await events.drain();
        hits = envelope(await medusa.products.search({ q: "linen" }), { hits: "array" }).hits;
        if (!hits.length) await new Promise((r) => setTimeout(r, 100));
      }
      expect(hits.map((h: { id: string }) => h.id)).toEqual([seed.product.id]);
      expect(envelope(await medusa.products.search({ q: "nothing-like-it", limit: 5, offset: 0 }), { hits: "array" }).hits).toEqual([]);
    });
  });

  /** A guest's order, captured, fulfilled and shipped (both units of its one line). */
  async function shippedOrder(email: string) {
    const placed = await checkout(medusa, email);
    envelope(await admin.orders.capturePayment(placed.id), { order: "object" });
    const fulfilled = envelope(await admin.orders.createFulfillment(placed.id, { items: [{ item_id: placed.items[0].id, quantity: 2 }] }), { order: "object" }).order;
    envelope(await admin.orders.createShipment(placed.id, { fulfillment_id: fulfilled.fulfillments[0].id }), { order: "object" });
    return placed;
  }

  describe("returns", () => {
    it("store create, admin request, list, receive (both paths) and cancel", async () => {
      const placed = await shippedOrder(`returner-${++n}@kiosk.test`);
      const line = placed.items[0];
      const reason = envelope(await admin.returnReasons.create({ value: `wrong_size_${++n}`, label: "Wrong size" }), { return_reason: "object" }).return_reason;
      expect(envelope(await medusa.returnReasons.list(), { return_reasons: "array" }).return_reasons.map((r: { id: string }) => r.id)).toContain(reason.id);
      expect(envelope(await medusa.returnReasons.retrieve(reason.id), { return_reason: "object" }).return_reason).toMatchObject({ id: reason.id });

      const asked = envelope(
        await medusa.returns.create({ order_id: placed.id, items: [{ item_id: line.id, quantity: 1, reason_id: reason.id, note: "Too small" }] }),
        { return: "object" },
      ).return;
      expect(asked).toMatchObject({ order_id: placed.id, status: "requested", items: [{ item_id: line.id, quantity: 1, reason_id: reason.id }] });
      const returns = list(await admin.returns.list(), "returns");
      expect(returns.returns.map((r: { id: string }) => r.id)).toContain(asked.id);
      const received = envelope(await admin.returns.receive(asked.id, { items: [{ item_id: line.id, quantity: 1 }] }), { return: "object" }).return;
      // One unit back: 4000 + 25 % tax.
      expect(received).toMatchObject({ id: asked.id, status: "received", refund_amount: 5000 });
      expect((await failure(admin.returns.receive(asked.id, { items: [{ item_id: line.id, quantity: 1 }] }))).body.code).toBe("return_received");

      const requested = envelope(await admin.orders.requestReturn(placed.id, { items: [{ item_id: line.id, quantity: 1 }] }), { order: "object" }).order;
      expect(requested.returns).toHaveLength(2);
      const second = requested.returns.find((r: { id: string }) => r.id !== asked.id);
      expect(second).toMatchObject({ status: "requested" });
      const canceled = envelope(await admin.returns.cancel(second.id), { order: "object" }).order;
      expect(canceled.returns.find((r: { id: string }) => r.id === second.id)).toMatchObject({ status: "canceled" });

      // Medusa-js 6.1 has no method for the older receive path; its custom client reaches it.
      const third = envelope(await admin.orders.requestReturn(placed.id, { items: [{ item_id: line.id, quantity: 1 }] }), { order: "object" }).order.returns.find(
        (r: { status: string }) => r.status === "requested",
      );
      const done = envelope(
        await admin.custom.post(`/admin/orders/${placed.id}/returns/${third.id}/receive`, { items: [{ item_id: line.id, quantity: 1 }] }),
        { order: "object" },
      ).order;
      // Both units refunded (2 × 5000); the shipping (1250 with tax) stays paid.
      expect(done).toMatchObject({ id: placed.id, fulfillment_status: "returned", payment_status: "partially_refunded", refunded_total: 10000, paid_total: 11250 });
    });
  });

  describe("gift cards", () => {
    it("admin CRUD, store retrieve by code and applying it to a cart", async () => {
      const card = envelope(await admin.giftCards.create({ value: 2000, region_id: seed.region.id } as any), { gift_card: "object" }).gift_card;
      expect(card).toMatchObject({ value: 2000, balance: 2000, region_id: seed.region.id, code: expect.any(String) });
      const cards = list(await admin.giftCards.list({ q: card.code } as any), "gift_cards");
      expect(cards.gift_cards.map((c: { id: string }) => c.id)).toEqual([card.id]);
      expect(envelope(await admin.giftCards.retrieve(card.id), { gift_card: "object" }).gift_card).toMatchObject({ id: card.id, code: card.code });
      const updated = envelope(await admin.giftCards.update(card.id, { balance: 1500, metadata: { batch: "B1" } } as any), { gift_card: "object" }).gift_card;
      expect(updated).toMatchObject({ balance: 1500, metadata: { batch: "B1" } });

      const shown = envelope(await medusa.giftCards.retrieve(card.code.toLowerCase()), { gift_card: "object" }).gift_card;
      expect(shown).toMatchObject({ id: card.id, code: card.code, value: 2000, balance: 1500, region: { id: seed.region.id } });
      const { cart } = envelope(await medusa.carts.create({ region_id: seed.region.id }), { cart: "object" });
      envelope(await medusa.carts.lineItems.create(cart.id, { variant_id: seed.product.variants[0].id, quantity: 1 }), { cart: "object" });
      const paid = envelope(await medusa.carts.update(cart.id, { gift_cards: [{ code: card.code }] }), { cart: "object" }).cart;
      expect(paid.gift_cards.map((c: { id: string }) => c.id)).toEqual([card.id]);
      expect(paid.gift_card_total).toBe(1500);
      expect(paid.total).toBe(5000 - 1500);
      expect(await failure(medusa.carts.update(cart.id, { gift_cards: [{ code: "NOPE-NOPE-NOPE-NOPE" }] }))).toMatchObject({
        status: 404,
        body: { code: "gift_card_not_found" },
      });
      expect(envelope(await medusa.carts.update(cart.id, { gift_cards: [] }), { cart: "object" }).cart.gift_cards).toEqual([]);

      deleted(await admin.giftCards.delete(card.id), card.id, "gift-card");
      expect((await failure(medusa.giftCards.retrieve(card.code))).status).toBe(404);
      expect((await failure(admin.giftCards.retrieve(card.id))).status).toBe(404);
    });

    it("pays part of an order, whose edit still counts the card (an unchanged edit owes nothing)", async () => {
      const card = envelope(await admin.giftCards.create({ value: 1000, region_id: seed.region.id } as any), { gift_card: "object" }).gift_card;
      const { cart } = envelope(await medusa.carts.create({ region_id: seed.region.id }), { cart: "object" });
      envelope(await medusa.carts.lineItems.create(cart.id, { variant_id: seed.product.variants[0].id, quantity: 1 }), { cart: "object" });
      const email = `carded-${++n}@kiosk.test`;
      envelope(await medusa.carts.update(cart.id, { email, shipping_address: SHIPPING_ADDRESS, gift_cards: [{ code: card.code }] }), { cart: "object" });
      envelope(await medusa.carts.addShippingMethod(cart.id, { option_id: seed.option.id }), { cart: "object" });
      envelope(await medusa.carts.createPaymentSessions(cart.id), { cart: "object" });
      envelope(await medusa.carts.setPaymentSession(cart.id, { provider_id: "manual" }), { cart: "object" });
      const order = envelope(await medusa.carts.complete(cart.id), { type: "string", data: "object" }).data;
      // 4000 + 1000 shipping + 25 % tax = 6250, of which the card pays 1000.
      expect(order).toMatchObject({ gift_card_total: 1000, total: 5250 });
      expect(envelope(await admin.giftCards.retrieve(card.id), { gift_card: "object" }).gift_card).toMatchObject({ balance: 0, is_disabled: true });

      const edit = envelope(await admin.orderEdits.create({ order_id: order.id }), { order_edit: "object" }).order_edit;
      expect(edit).toMatchObject({ gift_card_total: 1000, total: 5250, difference_due: 0 });
      const grown = envelope(await admin.orderEdits.addLineItem(edit.id, { variant_id: seed.product.variants[0].id, quantity: 1 }), { order_edit: "object" }).order_edit;
      expect(grown).toMatchObject({ total: 10250, difference_due: 5000 });
      envelope(await admin.orderEdits.cancel(edit.id), { order_edit: "object" });
    });
  });

  describe("draft orders", () => {
    it("creates, lists, updates, edits lines, pays and deletes drafts", async () => {
      const variant = seed.product.variants[0];
      const email = `drafted-${++n}@kiosk.test`;
      const draft = envelope(
        await admin.draftOrders.create({
          email,
          region_id: seed.region.id,
          shipping_address: SHIPPING_ADDRESS,
          items: [{ variant_id: variant.id, quantity: 1 }],
          shipping_methods: [{ option_id: seed.option.id }],
        } as any),
        { draft_order: "object" },
      ).draft_order;
      expect(draft).toMatchObject({ status: "open", cart: { email, items: [{ variant_id: variant.id, quantity: 1 }] } });
      const drafts = list(await admin.draftOrders.list(), "draft_orders");
      expect(drafts.draft_orders.map((d: { id: string }) => d.id)).toContain(draft.id);
      expect(envelope(await admin.draftOrders.retrieve(draft.id), { draft_order: "object" }).draft_order).toMatchObject({ id: draft.id, cart_id: draft.cart_id });
      const renamed = envelope(await admin.draftOrders.update(draft.id, { email: `re-${email}` } as any), { draft_order: "object" }).draft_order;
      expect(renamed.cart.email).toBe(`re-${email}`);

      const custom = envelope(await admin.draftOrders.addLineItem(draft.id, { title: "Gift wrap", unit_price: 500, quantity: 1 } as any), { draft_order: "object" })
        .draft_order.cart.items;
      expect(custom).toHaveLength(2);
      const wrap = custom.find((i: { title: string }) => i.title === "Gift wrap");
      const more = envelope(await admin.draftOrders.updateLineItem(draft.id, wrap.id, { quantity: 2 }), { draft_order: "object" }).draft_order.cart.items;
      expect(more.find((i: { id: string }) => i.id === wrap.id)).toMatchObject({ quantity: 2, unit_price: 500 });
      const fewer = envelope(await admin.draftOrders.removeLineItem(draft.id, wrap.id), { draft_order: "object" }).draft_order.cart;
      // 4000 + 1000 shipping + 25 % tax.
      expect(fewer).toMatchObject({ items: [{ variant_id: variant.id }], total: 6250 });

      const paid = envelope(await admin.draftOrders.markPaid(draft.id), { order: "object" }).order;
      expect(paid).toMatchObject({ object: "order", draft_order_id: draft.id, email: `re-${email}`, total: 6250, payment_status: "captured" });
      expect(envelope(await admin.draftOrders.retrieve(draft.id), { draft_order: "object" }).draft_order).toMatchObject({ status: "completed", order_id: paid.id });
      expect(await failure(admin.draftOrders.delete(draft.id))).toMatchObject({ status: 422, body: { code: "draft_order_completed" } });

      const spare = envelope(await admin.draftOrders.create({ email, region_id: seed.region.id, shipping_methods: [{ option_id: seed.option.id }] } as any), {
        draft_order: "object",
      }).draft_order;
      deleted(await admin.draftOrders.delete(spare.id), spare.id, "draft-order");
      expect(await failure(admin.draftOrders.retrieve(spare.id))).toMatchObject({ status: 404, body: { code: "draft_order_not_found" } });
    });
  });

  describe("order edits", () => {
    it("admin create, list, update, item changes, request, confirm, cancel, delete; store retrieve, decline and complete", async () => {
      const placed = await checkout(medusa, `edited-${++n}@kiosk.test`);
      const variant = seed.product.variants[0];
      const open = async () => envelope(await admin.orderEdits.create({ order_id: placed.id }), { order_edit: "object" }).order_edit;

      // An edit changed and undone, then deleted.
      const first = envelope(await admin.orderEdits.create({ order_id: placed.id, internal_note: "Phone call" }), { order_edit: "object" }).order_edit;
      expect(first).toMatchObject({ object: "order_edit", order_id: placed.id, status: "created", internal_note: "Phone call", items: [{ quantity: 2 }] });
      const edits = list(await admin.orderEdits.list({ order_id: placed.id } as any), "order_edits");
      expect(edits.order_edits.map((e: { id: string }) => e.id)).toEqual([first.id]);
      expect(envelope(await admin.orderEdits.retrieve(first.id), { order_edit: "object" }).order_edit).toMatchObject({ id: first.id });
      expect(envelope(await admin.orderEdits.update(first.id, { internal_note: "Second call" }), { order_edit: "object" }).order_edit).toMatchObject({
        internal_note: "Second call",
      });
      const added = envelope(await admin.orderEdits.addLineItem(first.id, { variant_id: variant.id, quantity: 1 }), { order_edit: "object" }).order_edit;
      expect(added.items).toHaveLength(2);
      expect(added.difference_due).toBe(5000);
      const copy = added.items.find((i: { original_item_id: string | null }) => i.original_item_id);
      const extra = added.items.find((i: { original_item_id: string | null }) => !i.original_item_id);
      const fewer = envelope(await admin.orderEdits.updateLineItem(first.id, copy.id, { quantity: 1 }), { order_edit: "object" }).order_edit;
      expect(fewer.changes.map((c: { type: string }) => c.type).sort()).toEqual(["item_add", "item_update"]);
      const without = envelope(await admin.orderEdits.removeLineItem(first.id, extra.id), { order_edit: "object" }).order_edit;
      expect(without.changes).toMatchObject([{ type: "item_update" }]);
      const change = without.changes[0].id;
      const undone = await admin.orderEdits.deleteItemChange(first.id, change);
      deleted(undone, change, "item_change");
      expect(envelope(await admin.orderEdits.retrieve(first.id), { order_edit: "object" }).order_edit).toMatchObject({ changes: [], difference_due: 0 });
      deleted(await admin.orderEdits.delete(first.id), first.id, "order_edit");

      // Requested, seen and declined by the customer.
      const second = await open();
      envelope(await admin.orderEdits.addLineItem(second.id, { variant_id: variant.id, quantity: 1 }), { order_edit: "object" });
      const requested = envelope(await admin.orderEdits.requestConfirmation(second.id), { order_edit: "object" }).order_edit;
      expect(requested).toMatchObject({ status: "requested", difference_due: 5000, payment_collection: { amount: 5000 } });
      const seen = envelope(await medusa.orderEdits.retrieve(second.id), { order_edit: "object" }).order_edit;
      expect(seen).toMatchObject({ id: second.id, status: "requested" });
      expect(seen.internal_note).toBeUndefined();
      const declined = envelope(await medusa.orderEdits.decline(second.id, { declined_reason: "Too dear" }), { order_edit: "object" }).order_edit;
      expect(declined).toMatchObject({ status: "declined", declined_reason: "Too dear" });

      // Canceled by the admin.
      const third = await open();
      envelope(await admin.orderEdits.addLineItem(third.id, { variant_id: variant.id, quantity: 1 }), { order_edit: "object" });
      expect(envelope(await admin.orderEdits.cancel(third.id), { order_edit: "object" }).order_edit).toMatchObject({ status: "canceled" });

      // Confirmed by the admin: the order gets the added line.
      const fourth = await open();
      envelope(await admin.orderEdits.addLineItem(fourth.id, { variant_id: variant.id, quantity: 1 }), { order_edit: "object" });
      expect(envelope(await admin.orderEdits.confirm(fourth.id), { order_edit: "object" }).order_edit).toMatchObject({ status: "confirmed" });
      expect(await failure(admin.orderEdits.confirm(fourth.id))).toMatchObject({ status: 422, body: { code: "order_edit_confirmed" } });
      const grown = envelope(await admin.orders.retrieve(placed.id), { order: "object" }).order;
      expect(grown.items).toHaveLength(2);

      // Completed by the customer: one unit fewer costs nothing more.
      const fifth = await open();
      const line = fifth.items.find((i: { quantity: number }) => i.quantity === 2);
      envelope(await admin.orderEdits.updateLineItem(fifth.id, line.id, { quantity: 1 }), { order_edit: "object" });
      envelope(await admin.orderEdits.requestConfirmation(fifth.id), { order_edit: "object" });
      expect(envelope(await medusa.orderEdits.complete(fifth.id), { order_edit: "object" }).order_edit).toMatchObject({ status: "confirmed" });
      expect(await failure(admin.orderEdits.delete(fifth.id))).toMatchObject({ status: 422, body: { code: "order_edit_not_deletable" } });
    });
  });

  describe("payment collections and payments", () => {
    /** A guest's order of two units and a requested edit adding one more (a collection of 5000). */
    async function requestedEdit() {
      const placed = await checkout(medusa, `collected-${++n}@kiosk.test`);
      const created = envelope(await admin.orderEdits.create({ order_id: placed.id }), { order_edit: "object" }).order_edit;
      envelope(await admin.orderEdits.addLineItem(created.id, { variant_id: seed.product.variants[0].id, quantity: 1 }), { order_edit: "object" });
      const edit = envelope(await admin.orderEdits.requestConfirmation(created.id), { order_edit: "object" }).order_edit;
      expect(edit.payment_collection_id).toMatch(/^paycol_/);
      return { placed, edit, id: edit.payment_collection_id as string };
    }

    it("pays an edit through store sessions; the admin reads, updates, captures and refunds its payments", async () => {
      const { placed, edit, id } = await requestedEdit();
      const collection = envelope(await medusa.paymentCollections.retrieve(id), { payment_collection: "object" }).payment_collection;
      expect(collection).toMatchObject({ id, object: "payment_collection", type: "order_edit", status: "not_paid", amount: 5000, payment_sessions: [] });

      const one = envelope(await medusa.paymentCollections.managePaymentSession(id, { provider_id: "manual" }), { payment_collection: "object" }).payment_collection;
      expect(one.payment_sessions).toMatchObject([{ provider_id: "manual", amount: 5000, status: "pending" }]);
      const refreshed = envelope(await medusa.paymentCollections.refreshPaymentSession(id, one.payment_sessions[0].id), { payment_session: "object" });
      expect(refreshed.payment_session).toMatchObject({ id: one.payment_sessions[0].id, amount: 5000 });
      const split = envelope(
        await medusa.paymentCollections.managePaymentSessionsBatch(id, {
          sessions: [
            { provider_id: "manual", amount: 2000 },
            { provider_id: "manual", amount: 3000 },
          ],
        }),
        { payment_collection: "object" },
      ).payment_collection;
      const small = split.payment_sessions.find((s: { amount: number }) => s.amount === 2000);
      const large = split.payment_sessions.find((s: { amount: number }) => s.amount === 3000);
      // Medusa v1 answers one session's authorization with `{ payment_session }` (medusa-js's type says `{ payment_collection }`).
      const authorized = envelope(await medusa.paymentCollections.authorizePaymentSession(id, small.id), { payment_session: "object" }) as any;
      expect(authorized.payment_session).toMatchObject({ id: small.id, status: "authorized" });
      const paid = envelope(await medusa.paymentCollections.authorizePaymentSessionsBatch(id, { session_ids: [large.id] }), {
        payment_collection: "object",
      }).payment_collection;
      expect(paid).toMatchObject({ status: "authorized", authorized_amount: 5000 });
      expect(paid.payments).toHaveLength(2);

      expect(envelope(await admin.paymentCollections.retrieve(id), { payment_collection: "object" }).payment_collection).toMatchObject({ id, status: "authorized" });
      const described = envelope(await admin.paymentCollections.update(id, { description: "One more shirt" }), { payment_collection: "object" }).payment_collection;
      expect(described.description).toBe("One more shirt");
      expect(await failure(admin.paymentCollections.delete(id))).toMatchObject({ status: 422, body: { code: "payment_collection_not_deletable" } });
      expect(envelope(await medusa.orderEdits.complete(edit.id), { order_edit: "object" }).order_edit).toMatchObject({ status: "confirmed" });

      const extra = paid.payments.find((p: { amount: number }) => p.amount === 3000);
      expect(envelope(await admin.payments.retrieve(extra.id), { payment: "object" }).payment).toMatchObject({ id: extra.id, order_id: placed.id, captured_at: null });
      const captured = envelope(await admin.payments.capturePayment(extra.id), { payment: "object" }).payment;
      expect(captured).toMatchObject({ id: extra.id, captured_at: expect.any(String) });
      expect(await failure(admin.payments.capturePayment(extra.id))).toMatchObject({ status: 422, body: { code: "payment_not_capturable" } });
      for (const payment of envelope(await admin.orders.retrieve(placed.id), { order: "object" }).order.payments) {
        if (!payment.captured_at) envelope(await admin.payments.capturePayment(payment.id), { payment: "object" });
      }
      const refund = envelope(await admin.payments.refundPayment(extra.id, { amount: 1000, reason: "discount" as any, note: "Goodwill" }), { refund: "object" }).refund;
      expect(refund).toMatchObject({ amount: 1000, reason: "discount", note: "Goodwill", payment_id: extra.id, order_id: placed.id });
      expect(await failure(admin.payments.refundPayment(extra.id, { amount: 2001, reason: "other" as any }))).toMatchObject({
        status: 400,
        body: { code: "refund_exceeds_captured" },
      });
    });

    it("lets the admin mark a collection authorized, and delete a canceled one", async () => {
      const marked = await requestedEdit();
      const authorized = envelope(await admin.paymentCollections.markAsAuthorized(marked.id), { payment_collection: "object" }).payment_collection;
      expect(authorized).toMatchObject({ id: marked.id, status: "authorized", authorized_amount: 5000 });
      expect(envelope(await medusa.orderEdits.complete(marked.edit.id), { order_edit: "object" }).order_edit.status).toBe("confirmed");

      const dropped = await requestedEdit();
      envelope(await medusa.orderEdits.decline(dropped.edit.id, {}), { order_edit: "object" });
      deleted(await admin.paymentCollections.delete(dropped.id), dropped.id, "payment_collection");
      expect(await failure(admin.paymentCollections.retrieve(dropped.id))).toMatchObject({ status: 404, body: { code: "payment_collection_not_found" } });
    });
  });

  describe("inventory locations", () => {
    it("manages stock locations, inventory items, their levels and reservations, and reserves at checkout", async () => {
      const address = { address_1: "1 Harbour St", city: "Aarhus", country_code: "dk", postal_code: "8000" };
      const created = envelope(await admin.stockLocations.create({ name: "Warehouse", address } as any), { stock_location: "object" }).stock_location;
      expect(created).toMatchObject({ name: "Warehouse", address: { address_1: "1 Harbour St", country_code: "dk" } });
      const spare = envelope(await admin.stockLocations.create({ name: "Spare" }), { stock_location: "object" }).stock_location;
      const renamed = envelope(await admin.stockLocations.update(created.id, { name: "Main warehouse" }), { stock_location: "object" }).stock_location;
      expect(renamed).toMatchObject({ id: created.id, name: "Main warehouse" });
      expect(envelope(await admin.stockLocations.retrieve(created.id), { stock_location: "object" }).stock_location.name).toBe("Main warehouse");
      const locations = list(await admin.stockLocations.list({ limit: 10 } as any), "stock_locations").stock_locations;
      expect(locations.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining([created.id, spare.id]));

      const channel = list(await admin.salesChannels.list(), "sales_channels").sales_channels.find((c: { is_default: boolean }) => c.is_default);
      const linked = envelope(await admin.salesChannels.addLocation(channel.id, { location_id: created.id }), { sales_channel: "object" }).sales_channel as any;
      expect(linked.locations.map((l: { location_id: string }) => l.location_id)).toEqual([created.id]);
      envelope(await admin.salesChannels.addLocation(channel.id, { location_id: spare.id }), { sales_channel: "object" });
      deleted(await admin.salesChannels.removeLocation(channel.id, { location_id: spare.id }), spare.id, "stock-location");

      const { product } = envelope(
        await admin.products.create({
          title: "Wool scarf",
          status: "published" as any,
          options: [{ title: "Size" }],
          variants: [{ title: "One", inventory_quantity: 100, prices: [{ amount: 2000, currency_code: "dkk" }], options: [{ value: "One" }] }],
        } as any),
        { product: "object" },
      );
      const variantId = product.variants[0].id;
      const item = envelope(await admin.inventoryItems.create({ variant_id: variantId, hs_code: "6117" } as any), { inventory_item: "object" }).inventory_item;
      expect(item).toMatchObject({ hs_code: "6117" });
      const updated = envelope(await admin.inventoryItems.update(item.id, { origin_country: "dk" } as any), { inventory_item: "object" }).inventory_item;
      expect(updated).toMatchObject({ id: item.id, origin_country: "dk" });
      envelope(await admin.inventoryItems.createLocationLevel(item.id, { location_id: created.id, stocked_quantity: 5 }), { inventory_item: "object" });
      envelope(await admin.inventoryItems.createLocationLevel(item.id, { location_id: spare.id, stocked_quantity: 1 }), { inventory_item: "object" });
      const restocked = envelope(await admin.inventoryItems.updateLocationLevel(item.id, created.id, { stocked_quantity: 6 }), { inventory_item: "object" }).inventory_item as any;
      expect(restocked.location_levels.find((l: { location_id: string }) => l.location_id === created.id)).toMatchObject({ stocked_quantity: 6, available_quantity: 6 });
      envelope(await admin.inventoryItems.deleteLocationLevel(item.id, spare.id), { inventory_item: "object" });
      const levels = envelope(await admin.inventoryItems.listLocationLevels(item.id), { inventory_item: "object" }).inventory_item;
      expect(levels.location_levels).toEqual([expect.objectContaining({ location_id: created.id, stocked_quantity: 6, reserved_quantity: 0 })]);
      expect(envelope(await admin.inventoryItems.retrieve(item.id), { inventory_item: "object" }).inventory_item.id).toBe(item.id);
      const items = list(await admin.inventoryItems.list({ location_id: [created.id] } as any), "inventory_items").inventory_items;
      expect(items.map((i: { id: string }) => i.id)).toEqual([item.id]);

      const reservation = envelope(await admin.reservations.create({ inventory_item_id: item.id, location_id: created.id, quantity: 2 }), { reservation: "object" }).reservation;
      expect(reservation).toMatchObject({ inventory_item_id: item.id, location_id: created.id, quantity: 2 });
      expect(envelope(await admin.reservations.update(reservation.id, { quantity: 3 }), { reservation: "object" }).reservation.quantity).toBe(3);
      expect(envelope(await admin.reservations.retrieve(reservation.id), { reservation: "object" }).reservation.quantity).toBe(3);
      expect(list(await admin.reservations.list({ inventory_item_id: [item.id] } as any), "reservations").reservations.map((r: { id: string }) => r.id)).toEqual([reservation.id]);
      const tooMany = await failure(admin.reservations.update(reservation.id, { quantity: 7 }));
      expect(tooMany).toMatchObject({ status: 422, body: { code: "insufficient_inventory" } });
      const inventory = envelope(await admin.variants.getInventory(variantId), { variant: "object" }).variant as any;
      expect(inventory.inventory.map((i: { id: string }) => i.id)).toEqual([item.id]);
      expect(inventory.sales_channel_availability).toEqual([expect.objectContaining({ channel_id: channel.id, available_quantity: 3 })]);
      deleted(await admin.reservations.delete(reservation.id), reservation.id, "reservation");

      // A checkout through medusa-js reserves at the channel's location and leaves the variant's own stock alone.
      const { cart } = envelope(await medusa.carts.create({ region_id: seed.region.id }), { cart: "object" });
      envelope(await medusa.carts.lineItems.create(cart.id, { variant_id: variantId, quantity: 2 }), { cart: "object" });
      envelope(await medusa.carts.update(cart.id, { email: "scarf@kiosk.test", shipping_address: SHIPPING_ADDRESS }), { cart: "object" });
      envelope(await medusa.carts.addShippingMethod(cart.id, { option_id: seed.option.id }), { cart: "object" });
      envelope(await medusa.carts.createPaymentSessions(cart.id), { cart: "object" });
      envelope(await medusa.carts.setPaymentSession(cart.id, { provider_id: "manual" }), { cart: "object" });
      const done = envelope(await medusa.carts.complete(cart.id), { type: "string", data: "object" });
      expect(done.type).toBe("order");
      const lineId = (done.data as any).items[0].id;
      const held = list(await admin.reservations.list({ line_item_id: [lineId] } as any), "reservations").reservations;
      expect(held).toEqual([expect.objectContaining({ location_id: created.id, quantity: 2, line_item_id: lineId })]);
      const after = envelope(await admin.inventoryItems.listLocationLevels(item.id), { inventory_item: "object" }).inventory_item.location_levels[0];
      expect(after).toMatchObject({ stocked_quantity: 6, reserved_quantity: 2 });
      expect(envelope(await admin.variants.getInventory(variantId), { variant: "object" }).variant).toMatchObject({ sales_channel_availability: [expect.objectContaining({ available_quantity: 4 })] });
      envelope(await admin.orders.cancel((done.data as any).id), { order: "object" });
      expect(list(await admin.reservations.list({ line_item_id: [lineId] } as any), "reservations").count).toBe(0);

      expect(await failure(admin.inventoryItems.retrieve("iitem_missing"))).toMatchObject({ status: 404, body: { code: "inventory_item_not_found" } });
      expect(await failure(admin.stockLocations.retrieve("sloc_missing"))).toMatchObject({ status: 404, body: { code: "stock_location_not_found" } });
      deleted(await admin.inventoryItems.delete(item.id), item.id, "inventory_item");
      deleted(await admin.stockLocations.delete(spare.id), spare.id, "stock_location");
      deleted(await admin.stockLocations.delete(created.id), created.id, "stock_location");
      expect(list(await admin.stockLocations.list({ id: [created.id] } as any), "stock_locations").count).toBe(0);
    });
  });

  describe("store carts, accounts and catalog extras", () => {
    it("edits a cart's lines, discount and payment sessions", async () => {
      const code = `JS-CART-${++n}`;
      envelope(
        await admin.discounts.create({ code, rule: { type: "fixed", value: 500, allocation: "total" }, regions: [seed.region.id] } as any),
        { discount: "object" },
      );
      const { cart } = envelope(await medusa.carts.create({ region_id: seed.region.id }), { cart: "object" });
      const line = envelope(await medusa.carts.lineItems.create(cart.id, { variant_id: seed.product.variants[0].id, quantity: 1 }), { cart: "object" }).cart
        .items[0];
      const three = envelope(await medusa.carts.lineItems.update(cart.id, line.id, { quantity: 3 }), { cart: "object" }).cart;
      expect(three.items[0]).toMatchObject({ id: line.id, quantity: 3 });
      const discounted = envelope(await medusa.carts.update(cart.id, { discounts: [{ code }] }), { cart: "object" }).cart;
      expect(discounted.discount_total).toBe(500);
      const undiscounted = envelope(await medusa.carts.deleteDiscount(cart.id, code), { cart: "object" }).cart;
      expect(undiscounted).toMatchObject({ discount_total: 0, discounts: [] });

      envelope(await medusa.carts.createPaymentSessions(cart.id), { cart: "object" });
      const first = envelope(await medusa.carts.setPaymentSession(cart.id, { provider_id: "manual" }), { cart: "object" }).cart.payment_session;
      const updated = envelope(await medusa.carts.updatePaymentSession(cart.id, "manual", { data: {} }), { cart: "object" }).cart;
      expect(updated.payment_session).toMatchObject({ provider_id: "manual" });
      const refreshed = envelope(await medusa.carts.refreshPaymentSession(cart.id, "manual"), { cart: "object" }).cart;
      expect(refreshed.payment_session).toMatchObject({ provider_id: "manual", is_selected: true });
      expect(refreshed.payment_session.id).not.toBe(first.id);
      const noSession = envelope(await medusa.carts.deletePaymentSession(cart.id, "manual"), { cart: "object" }).cart;
      expect(noSession.payment_sessions).toEqual([]);
      expect(envelope(await medusa.carts.lineItems.delete(cart.id, line.id), { cart: "object" }).cart.items).toEqual([]);
    });

    it("keeps a customer's addresses, lists their payment methods and signs them out", async () => {
      const email = `addresses-${++n}@kiosk.test`;
      const password = "correct-horse";
      envelope(await medusa.customers.create({ email, password, first_name: "Grace", last_name: "H" }), { customer: "object" });
      const client = as(envelope(await medusa.auth.getToken({ email, password }), { access_token: "string" }).access_token);
      const address = { first_name: "Grace", last_name: "H", address_1: "Vestergade 1", city: "Aarhus", country_code: "dk", postal_code: "8000" };
      const added = envelope(await client.customers.addresses.addAddress({ address } as any), { customer: "object" }).customer;
      expect(added.shipping_addresses).toHaveLength(1);
      const addressId = added.shipping_addresses[0].id;
      const moved = envelope(await client.customers.addresses.updateAddress(addressId, { city: "Odense" } as any), { customer: "object" }).customer;
      expect(moved.shipping_addresses[0]).toMatchObject({ id: addressId, city: "Odense" });
      expect(envelope(await client.customers.addresses.deleteAddress(addressId), { customer: "object" }).customer.shipping_addresses).toEqual([]);
      expect(envelope(await client.customers.paymentMethods.list(), { payment_methods: "array" }).payment_methods).toEqual([]);
      expect(envelope(await client.paymentMethods.list(), { payment_methods: "array" }).payment_methods).toEqual([]);
      expect((await failure(medusa.customers.paymentMethods.list())).status).toBe(401);

      const session = await medusa.auth.authenticate({ email, password });
      expect(session.response.status).toBe(200);
      expect((await medusa.auth.deleteSession()).response.status).toBe(200);
    });

    it("lists shipping options, categories, tags, types and variants", async () => {
      const options = envelope(await medusa.shippingOptions.list({ region_id: seed.region.id } as any), { shipping_options: "array" }).shipping_options;
      expect(options.map((o: { id: string }) => o.id)).toContain(seed.option.id);

      const category = envelope(await admin.productCategories.create({ name: `Shirts ${++n}`, is_active: true, is_internal: false } as any), {
        product_category: "object",
      }).product_category;
      const categories = list(await medusa.productCategories.list(), "product_categories").product_categories;
      expect(categories.map((c: { id: string }) => c.id)).toContain(category.id);
      expect(envelope(await medusa.productCategories.retrieve(category.id), { product_category: "object" }).product_category).toMatchObject({ id: category.id });
      list(await medusa.productTags.list(), "product_tags");
      list(await medusa.productTypes.list(), "product_types");

      const variantId = seed.product.variants[0].id;
      const variants = envelope(await medusa.products.variants.list({ ids: variantId } as any), { variants: "array" }).variants;
      expect(variants.map((v: { id: string }) => v.id)).toEqual([variantId]);
      const variant = envelope(await medusa.products.variants.retrieve(variantId), { variant: "object" }).variant;
      expect(variant).toMatchObject({ id: variantId, product_id: seed.product.id });
    });
  });

  describe("admin catalog", () => {
    it("products: list, retrieve, update, metadata, options, variants, tags and types, delete", async () => {
      const created = envelope(
        await admin.products.create({
          title: `Wool sweater ${++n}`,
          status: "published" as any,
          tags: [{ value: "wool" }],
          type: { value: "Knitwear" },
          options: [{ title: "Size" }],
          variants: [{ title: "S", inventory_quantity: 5, prices: [{ amount: 9000, currency_code: "dkk" }], options: [{ value: "S" }] }],
        } as any),
        { product: "object" },
      ).product;
      const products = list(await admin.products.list({ q: "sweater" } as any), "products").products;
      expect(products.map((p: { id: string }) => p.id)).toContain(created.id);
      expect(envelope(await admin.products.retrieve(created.id), { product: "object" }).product).toMatchObject({ id: created.id });
      expect(envelope(await admin.products.update(created.id, { subtitle: "Warm" } as any), { product: "object" }).product).toMatchObject({ subtitle: "Warm" });
      expect(envelope(await admin.products.setMetadata(created.id, { key: "care", value: "hand wash" }), { product: "object" }).product.metadata).toMatchObject({
        care: "hand wash",
      });

      const withColour = envelope(await admin.products.addOption(created.id, { title: "Colour" }), { product: "object" }).product;
      const colour = withColour.options.find((o: { title: string }) => o.title === "Colour");
      const renamed = envelope(await admin.products.updateOption(created.id, colour.id, { title: "Color" }), { product: "object" }).product;
      expect(renamed.options.map((o: { title: string }) => o.title).sort()).toEqual(["Color", "Size"]);
      const dropped = envelope(await admin.products.deleteOption(created.id, colour.id), { option_id: "string", object: "string", deleted: "boolean" });
      expect(dropped).toMatchObject({ option_id: colour.id, deleted: true });

      const size = created.options[0];
      const withLarge = envelope(
        await admin.products.createVariant(created.id, {
          title: "L",
          inventory_quantity: 2,
          prices: [{ amount: 9500, currency_code: "dkk" }],
          options: [{ option_id: size.id, value: "L" }],
        } as any),
        { product: "object" },
      ).product;
      const large = withLarge.variants.find((v: { title: string }) => v.title === "L");
      const variants = envelope(await admin.products.listVariants(created.id), { variants: "array" }).variants;
      expect(variants.map((v: { id: string }) => v.id)).toContain(large.id);
      const cheaper = envelope(await admin.products.updateVariant(created.id, large.id, { prices: [{ amount: 9400, currency_code: "dkk" }] } as any), {
        product: "object",
      }).product;
      expect(cheaper.variants.find((v: { id: string }) => v.id === large.id).prices[0]).toMatchObject({ amount: 9400 });
      expect(envelope(await admin.products.deleteVariant(created.id, large.id), { variant_id: "string", object: "string", deleted: "boolean" })).toMatchObject({
        variant_id: large.id,
        deleted: true,
      });

      const tags = envelope(await admin.products.listTags(), { tags: "array" }).tags;
      expect(tags.map((t: { value: string }) => t.value)).toContain("wool");
      const types = envelope(await admin.products.listTypes(), { types: "array" }).types;
      expect(types.map((t: { value: string }) => t.value)).toContain("Knitwear");
      expect(list(await admin.productTags.list(), "product_tags").product_tags.map((t: { value: string }) => t.value)).toContain("wool");
      expect(list(await admin.productTypes.list(), "product_types").product_types.map((t: { value: string }) => t.value)).toContain("Knitwear");

      const variantId = seed.product.variants[0].id;
      expect(list(await admin.variants.list({ id: variantId } as any), "variants").variants.map((v: { id: string }) => v.id)).toEqual([variantId]);
      expect(envelope(await admin.variants.retrieve(variantId), { variant: "object" }).variant).toMatchObject({ id: variantId, product_id: seed.product.id });

      deleted(await admin.products.delete(created.id), created.id, "product");
      expect((await failure(admin.products.retrieve(created.id))).status).toBe(404);
    });

    it("collections and categories: CRUD and their products in batches", async () => {
      const collection = envelope(await admin.collections.create({ title: `Autumn ${++n}` }), { collection: "object" }).collection;
      expect(list(await admin.collections.list(), "collections").collections.map((c: { id: string }) => c.id)).toContain(collection.id);
      expect(envelope(await admin.collections.retrieve(collection.id), { collection: "object" }).collection).toMatchObject({ id: collection.id });
      expect(envelope(await admin.collections.update(collection.id, { title: "Fall" }), { collection: "object" }).collection).toMatchObject({ title: "Fall" });
      const product = envelope(
        await admin.products.create({ title: `Scarf ${n}`, options: [{ title: "Size" }], variants: [{ title: "One", prices: [], options: [{ value: "One" }] }] } as any),
        { product: "object" },
      ).product;
      envelope(await admin.collections.addProducts(collection.id, { product_ids: [product.id] }), { collection: "object" });
      expect(envelope(await admin.products.retrieve(product.id), { product: "object" }).product.collection_id).toBe(collection.id);
      const removed = envelope(await admin.collections.removeProducts(collection.id, { product_ids: [product.id] }), {
        id: "string",
        object: "string",
        removed_products: "array",
      });
      expect(removed.removed_products).toEqual([product.id]);
      deleted(await admin.collections.delete(collection.id), collection.id, "product-collection");

      const category = envelope(await admin.productCategories.create({ name: `Accessories ${n}` }), { product_category: "object" }).product_category;
      expect(list(await admin.productCategories.list(), "product_categories").product_categories.map((c: { id: string }) => c.id)).toContain(category.id);
      expect(envelope(await admin.productCategories.retrieve(category.id), { product_category: "object" }).product_category).toMatchObject({ id: category.id });
      expect(envelope(await admin.productCategories.update(category.id, { description: "Small things" }), { product_category: "object" }).product_category).toMatchObject({
        description: "Small things",
      });
      const filled = envelope(await admin.productCategories.addProducts(category.id, { product_ids: [{ id: product.id }] }), { product_category: "object" });
      expect(filled.product_category.id).toBe(category.id);
      envelope(await admin.productCategories.removeProducts(category.id, { product_ids: [{ id: product.id }] }), { product_category: "object" });
      deleted(await admin.productCategories.delete(category.id), category.id, "product-category");
    });
  });

  describe("admin regions, store settings and shipping", () => {
    it("regions: list, retrieve, update, countries, providers, fulfillment options, delete", async () => {
      const region = envelope(
        await admin.regions.create({ name: `Nordics ${++n}`, currency_code: "sek", tax_rate: 25, countries: [], payment_providers: ["manual"], fulfillment_providers: ["manual"] }),
        { region: "object" },
      ).region;
      expect(list(await admin.regions.list(), "regions").regions.map((r: { id: string }) => r.id)).toContain(region.id);
      expect(envelope(await admin.regions.retrieve(region.id), { region: "object" }).region).toMatchObject({ currency_code: "sek" });
      expect(envelope(await admin.regions.update(region.id, { name: "Sweden" }), { region: "object" }).region).toMatchObject({ name: "Sweden" });
      const withCountry = envelope(await admin.regions.addCountry(region.id, { country_code: "se" }), { region: "object" }).region;
      expect(withCountry.countries.map((c: { iso_2: string }) => c.iso_2)).toEqual(["se"]);
      expect(envelope(await admin.regions.deleteCountry(region.id, "se"), { region: "object" }).region.countries).toEqual([]);

      // The built-in providers are the only ones installed: removing the last one is refused, adding one back keeps it once.
      expect(await failure(admin.regions.deletePaymentProvider(region.id, "manual"))).toMatchObject({ status: 422, body: { code: "region_provider_required" } });
      const payment = envelope(await admin.regions.addPaymentProvider(region.id, { provider_id: "manual" }), { region: "object" }).region;
      expect(payment.payment_providers).toEqual([{ id: "manual", is_installed: true }]);
      expect(await failure(admin.regions.deleteFulfillmentProvider(region.id, "manual"))).toMatchObject({ status: 422, body: { code: "region_provider_required" } });
      const fulfillment = envelope(await admin.regions.addFulfillmentProvider(region.id, { provider_id: "manual" }), { region: "object" }).region;
      expect(fulfillment.fulfillment_providers).toEqual([{ id: "manual", is_installed: true }]);
      expect(await failure(admin.regions.addPaymentProvider(region.id, { provider_id: "stripe" }))).toMatchObject({ status: 404 });
      const options = envelope(await admin.regions.retrieveFulfillmentOptions(region.id), { fulfillment_options: "array" }).fulfillment_options;
      expect(options.map((o: { provider_id: string }) => o.provider_id)).toEqual(["manual"]);
      deleted(await admin.regions.delete(region.id), region.id, "region");
    });

    it("currencies and the store's settings, currencies and providers", async () => {
      const currencies = list(await admin.currencies.list({ q: "krone" } as any), "currencies").currencies;
      expect(currencies.map((c: { code: string }) => c.code)).toContain("dkk");
      expect(envelope(await admin.currencies.update("nok", { includes_tax: false }), { currency: "object" }).currency).toMatchObject({ code: "nok" });

      const before = envelope(await admin.store.retrieve(), { store: "object" }).store;
      expect(envelope(await admin.store.update({ name: "Linen & Co" } as any), { store: "object" }).store).toMatchObject({ name: "Linen & Co" });
      const withNok = envelope(await admin.store.addCurrency("nok"), { store: "object" }).store;
      expect(withNok.currencies.map((c: { code: string }) => c.code)).toContain("nok");
      const withoutNok = envelope(await admin.store.deleteCurrency("nok"), { store: "object" }).store;
      expect(withoutNok.currencies.map((c: { code: string }) => c.code)).not.toContain("nok");
      envelope(await admin.store.update({ name: before.name } as any), { store: "object" });
      expect(envelope(await admin.store.listPaymentProviders(), { payment_providers: "array" }).payment_providers).toContainEqual({ id: "manual", is_installed: true });
      envelope(await admin.store.listTaxProviders(), { tax_providers: "array" });
      // medusa-js's escape hatch reaches any admin route.
      expect(await admin.custom.get("/store")).toMatchObject({ store: { id: before.id } });
    });

    it("shipping options and profiles: CRUD", async () => {
      const profile = envelope(await admin.shippingProfiles.create({ name: `Bulky ${++n}`, type: "custom" as any }), { shipping_profile: "object" }).shipping_profile;
      expect(envelope(await admin.shippingProfiles.list(), { shipping_profiles: "array" }).shipping_profiles.map((p: { id: string }) => p.id)).toContain(profile.id);
      expect(envelope(await admin.shippingProfiles.retrieve(profile.id), { shipping_profile: "object" }).shipping_profile).toMatchObject({ id: profile.id });
      expect(envelope(await admin.shippingProfiles.update(profile.id, { name: "Heavy" }), { shipping_profile: "object" }).shipping_profile).toMatchObject({
        name: "Heavy",
      });
      deleted(await admin.shippingProfiles.delete(profile.id), profile.id, "shipping_profile");

      const option = envelope(
        await admin.shippingOptions.create({ name: "Express", region_id: seed.region.id, provider_id: "manual", price_type: "flat_rate", amount: 3000, data: {} } as any),
        { shipping_option: "object" },
      ).shipping_option;
      const options = list(await admin.shippingOptions.list({ region_id: seed.region.id } as any), "shipping_options").shipping_options;
      expect(options.map((o: { id: string }) => o.id)).toContain(option.id);
      expect(envelope(await admin.shippingOptions.retrieve(option.id), { shipping_option: "object" }).shipping_option).toMatchObject({ amount: 3000 });
      expect(envelope(await admin.shippingOptions.update(option.id, { amount: 2500, requirements: [] } as any), { shipping_option: "object" }).shipping_option).toMatchObject({
        amount: 2500,
      });
      deleted(await admin.shippingOptions.delete(option.id), option.id, "shipping-option");
    });
  });

  describe("admin users, invites, customers and discounts", () => {
    it("users: CRUD, a password reset through the emailed token; invites: create, list, resend, accept, delete", async () => {
      const email = `staff-${++n}@kiosk.test`;
      const user = envelope(await admin.users.create({ email, password: "staff-password", first_name: "Sam", role: "member" } as any), { user: "object" }).user;
      expect(envelope(await admin.users.list(), { users: "array" }).users.map((u: { id: string }) => u.id)).toContain(user.id);
      expect(envelope(await admin.users.retrieve(user.id), { user: "object" }).user).toMatchObject({ email });
      expect(envelope(await admin.users.update(user.id, { last_name: "Jones" } as any), { user: "object" }).user).toMatchObject({ last_name: "Jones" });
      const from = events.messages.length;
      expect((await medusa.admin.users.sendResetPasswordToken({ email })).response.status).toBe(204);
      const [reset] = await eventsSince(from, "user.password_reset");
      envelope(await medusa.admin.users.resetPassword({ email, token: reset.token, password: "new-staff-password" }), { user: "object" });
      envelope(await medusa.admin.auth.getToken({ email, password: "new-staff-password" }), { access_token: "string" });
      deleted(await admin.users.delete(user.id), user.id, "user");

      const invited = `invited-${n}@kiosk.test`;
      const sent = events.messages.length;
      expect((await admin.invites.create({ user: invited, role: "member" } as any)).response.status).toBe(200);
      const invites = envelope(await admin.invites.list(), { invites: "array" }).invites;
      const invite = invites.find((i: { user_email: string }) => i.user_email === invited);
      expect(invite).toBeDefined();
      expect((await admin.invites.resend(invite.id)).response.status).toBe(200);
      const [, resent] = await eventsSince(sent, "invite.created");
      expect((await medusa.admin.invites.accept({ token: resent.token, user: { first_name: "Ivy", last_name: "N", password: "invited-password" } })).response.status).toBe(200);
      envelope(await medusa.admin.auth.getToken({ email: invited, password: "invited-password" }), { access_token: "string" });

      const other = `removed-${n}@kiosk.test`;
      await admin.invites.create({ user: other, role: "member" } as any);
      const removable = envelope(await admin.invites.list(), { invites: "array" }).invites.find((i: { user_email: string }) => i.user_email === other);
      deleted(await admin.invites.delete(removable.id), removable.id, "invite");
      const again = `custom-${n}@kiosk.test`;
      await admin.invites.create({ user: again, role: "member" } as any);
      const viaCustom = envelope(await admin.invites.list(), { invites: "array" }).invites.find((i: { user_email: string }) => i.user_email === again);
      deleted(await admin.custom.delete(`/invites/${viaCustom.id}`), viaCustom.id, "invite");

      const { access_token } = envelope(await medusa.admin.auth.getToken(ADMIN), { access_token: "string" });
      envelope(await medusa.admin.auth.createSession(ADMIN), { user: "object" });
      expect((await as(access_token).admin.auth.deleteSession()).response.status).toBe(200);
    });

    it("customers: list and retrieve; discounts: list, retrieve, update, regions, delete", async () => {
      const customers = list(await admin.customers.list({ q: seed.customer.email } as any), "customers").customers;
      expect(customers.map((c: { id: string }) => c.id)).toEqual([seed.customer.id]);
      expect(envelope(await admin.customers.retrieve(seed.customer.id), { customer: "object" }).customer).toMatchObject({ email: seed.customer.email });

      const other = envelope(await admin.regions.create({ name: `Norway ${++n}`, currency_code: "nok", tax_rate: 25, countries: [] }), { region: "object" }).region;
      const code = `JS-ADMIN-${n}`;
      const discount = envelope(
        await admin.discounts.create({ code, rule: { type: "percentage", value: 5, allocation: "total" }, regions: [seed.region.id] } as any),
        { discount: "object" },
      ).discount;
      expect(list(await admin.discounts.list({ q: code } as any), "discounts").discounts.map((d: { id: string }) => d.id)).toContain(discount.id);
      expect(envelope(await admin.discounts.retrieve(discount.id), { discount: "object" }).discount).toMatchObject({ code });
      expect(envelope(await admin.discounts.update(discount.id, { usage_limit: 10 } as any), { discount: "object" }).discount).toMatchObject({ usage_limit: 10 });
      const two = envelope(await admin.discounts.addRegion(discount.id, other.id), { discount: "object" }).discount;
      expect(two.regions.map((r: { id: string }) => r.id).sort()).toEqual([seed.region.id, other.id].sort());
      const one = envelope(await admin.discounts.removeRegion(discount.id, other.id), { discount: "object" }).discount;
      expect(one.regions.map((r: { id: string }) => r.id)).toEqual([seed.region.id]);
      deleted(await admin.discounts.delete(discount.id), discount.id, "discount");
    });
  });

  describe("admin order states and price list batches", () => {
    it("completes, archives, cancels a fulfillment and a swap's fulfillment; deletes several products' list prices", async () => {
      const placed = await checkout(medusa, `states-${++n}@kiosk.test`);
      envelope(await admin.orders.capturePayment(placed.id), { order: "object" });
      const line = placed.items[0];
      const fulfilled = envelope(await admin.orders.createFulfillment(placed.id, { items: [{ item_id: line.id, quantity: 2 }] }), { order: "object" }).order;
      const canceled = envelope(await admin.orders.cancelFulfillment(placed.id, fulfilled.fulfillments[0].id), { order: "object" }).order;
      expect(canceled.fulfillments[0]).toMatchObject({ id: fulfilled.fulfillments[0].id, canceled_at: expect.any(String) });
      const again = envelope(await admin.orders.createFulfillment(placed.id, { items: [{ item_id: line.id, quantity: 2 }] }), { order: "object" }).order;
      const live = again.fulfillments.find((f: { canceled_at: string | null }) => !f.canceled_at);
      envelope(await admin.orders.createShipment(placed.id, { fulfillment_id: live.id }), { order: "object" });

      const { swap } = envelope(
        await medusa.swaps.create({ order_id: placed.id, return_items: [{ item_id: line.id, quantity: 1 }], additional_items: [{ variant_id: seed.product.variants[0].id, quantity: 1 }] }),
        { swap: "object" },
      );
      envelope(await medusa.carts.addShippingMethod(swap.cart_id, { option_id: seed.option.id }), { cart: "object" });
      envelope(await medusa.carts.createPaymentSessions(swap.cart_id), { cart: "object" });
      envelope(await medusa.carts.setPaymentSession(swap.cart_id, { provider_id: "manual" }), { cart: "object" });
      envelope(await medusa.carts.complete(swap.cart_id), { type: "string", data: "object" });
      const swapFulfilled = envelope(await admin.orders.fulfillSwap(placed.id, swap.id, {}), { order: "object" }).order.swaps[0];
      const swapCanceled = envelope(await admin.orders.cancelSwapFulfillment(placed.id, swap.id, swapFulfilled.fulfillments[0].id), { order: "object" }).order;
      expect(swapCanceled.swaps[0].fulfillments[0]).toMatchObject({ id: swapFulfilled.fulfillments[0].id, canceled_at: expect.any(String) });

      const other = await checkout(medusa, `archive-${++n}@kiosk.test`);
      expect(envelope(await admin.orders.complete(other.id), { order: "object" }).order).toMatchObject({ status: "completed" });
      expect(envelope(await admin.orders.archive(other.id), { order: "object" }).order).toMatchObject({ status: "archived" });

      const priceList = envelope(
        await admin.priceLists.create({
          name: `Batch ${n}`,
          description: "Several products",
          type: "sale" as any,
          prices: [{ amount: 3000, currency_code: "dkk", variant_id: seed.product.variants[0].id }],
        } as any),
        { price_list: "object" },
      ).price_list;
      const removed = envelope(await admin.priceLists.deleteProductsPrices(priceList.id, { product_ids: [seed.product.id] }), {
        ids: "array",
        object: "string",
        deleted: "boolean",
      });
      expect(removed).toMatchObject({ ids: [priceList.prices[0].id], object: "money-amount", deleted: true });
      deleted(await admin.priceLists.delete(priceList.id), priceList.id, "price-list");
    });
  });

  describe("tax rates", () => {
    it("creates, lists, reads, updates, links, unlinks and deletes tax rates through admin.taxRates; the store shows prices with tax", async () => {
      const region = envelope(
        await admin.regions.create({ name: "Tax land", currency_code: "dkk", tax_rate: 25, countries: [], payment_providers: ["manual"], fulfillment_providers: ["manual"] }),
        { region: "object" },
      ).region;
      const product = envelope(
        await admin.products.create({
          title: "Cookbook",
          status: "published" as any,
          type: { value: "Books" },
          options: [{ title: "Format" }],
          variants: [{ title: "Paper", inventory_quantity: 10, prices: [{ amount: 1000, currency_code: "dkk" }], options: [{ value: "Paper" }] }],
        } as any),
        { product: "object" },
      ).product;
      const option = envelope(
        await admin.shippingOptions.create({ name: "Post", region_id: region.id, provider_id: "manual", price_type: "flat_rate", amount: 400, data: {} } as any),
        { shipping_option: "object" },
      ).shipping_option;

      const created = envelope(await admin.taxRates.create({ code: "reduced", name: "Reduced", region_id: region.id, rate: 12.5 }), { tax_rate: "object" }).tax_rate;
      expect(created).toMatchObject({ code: "reduced", rate: 12.5, region_id: region.id, product_count: 0 });
      const listed = list(await admin.taxRates.list({ region_id: region.id } as any), "tax_rates");
      expect(listed.tax_rates.map((r: { id: string }) => r.id)).toEqual([created.id]);
      expect(envelope(await admin.taxRates.retrieve(created.id), { tax_rate: "object" }).tax_rate).toMatchObject({ id: created.id, name: "Reduced" });
      const updated = envelope(await admin.taxRates.update(created.id, { rate: 10, name: "Books" }), { tax_rate: "object" }).tax_rate;
      expect(updated).toMatchObject({ rate: 10, name: "Books" });

      const withProduct = envelope(await admin.taxRates.addProducts(created.id, { products: [product.id] }, { expand: ["products"] } as any), { tax_rate: "object" }).tax_rate;
      expect(withProduct).toMatchObject({ product_count: 1, products: [{ id: product.id }] });
      const withType = envelope(await admin.taxRates.addProductTypes(created.id, { product_types: [product.type_id] }), { tax_rate: "object" }).tax_rate;
      expect(withType.product_type_count).toBe(1);
      const withOption = envelope(await admin.taxRates.addShippingOptions(created.id, { shipping_options: [option.id] }), { tax_rate: "object" }).tax_rate;
      expect(withOption.shipping_option_count).toBe(1);

      const shelf = list(await medusa.products.list({ region_id: region.id, id: product.id } as any), "products").products;
      expect(shelf[0].variants[0]).toMatchObject({ calculated_price: 1000, calculated_price_incl_tax: 1100, calculated_tax: 100, tax_rates: [{ rate: 10, name: "Books", code: "reduced" }] });
      const options = envelope(await medusa.shippingOptions.list({ region_id: region.id }), { shipping_options: "array" }).shipping_options;
      expect(options.find((o: { id: string }) => o.id === option.id)).toMatchObject({ amount: 400, price_incl_tax: 440 });

      expect(envelope(await admin.taxRates.removeProducts(created.id, { products: [product.id] }), { tax_rate: "object" }).tax_rate.product_count).toBe(0);
      expect(envelope(await admin.taxRates.removeProductTypes(created.id, { product_types: [product.type_id] }), { tax_rate: "object" }).tax_rate.product_type_count).toBe(0);
      expect(envelope(await admin.taxRates.removeShippingOptions(created.id, { shipping_options: [option.id] }), { tax_rate: "object" }).tax_rate.shipping_option_count).toBe(0);
      const plain = list(await medusa.products.list({ region_id: region.id, id: product.id } as any), "products").products;
      expect(plain[0].variants[0]).toMatchObject({ calculated_price_incl_tax: 1250, tax_rates: [{ rate: 25, code: "default" }] });

      deleted(await admin.taxRates.delete(created.id), created.id, "tax-rate");
      expect(await failure(admin.taxRates.retrieve(created.id))).toMatchObject({ status: 404, body: { code: "tax_rate_not_found" } });
      expect(await failure(admin.taxRates.create({ code: "x", name: "X", region_id: region.id, rate: 101 }))).toMatchObject({ status: 400 });
    });
  });

  describe("medusa-js coverage", () => {
    it("drives at least the floor of medusa-js's store and admin methods", () => {
      const { store: storeSide, admin: adminSide } = coverage.report();
      console.log(
        `medusa-js: store ${storeSide.called}/${storeSide.total}, admin ${adminSide.called}/${adminSide.total} called\n` +
          `uncalled: ${[...storeSide.uncalled, ...adminSide.uncalled].join(", ")}`,
      );
      expect(storeSide.total).toBe(65);
      expect(adminSide.total).toBe(254);
      expect(storeSide.called).toBeGreaterThanOrEqual(STORE_FLOOR);
      expect(adminSide.called).toBeGreaterThanOrEqual(ADMIN_FLOOR);
    });
  });
});
