import Medusa from "@medusajs/medusa-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvents, SHIPPING_ADDRESS } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { ADMIN, startStore, type Store } from "../helpers/store";

/**
 * Wire compatibility with Medusa v1's own JS client: a booted store driven only
 * through `@medusajs/medusa-js` (6.1.x, the client of Medusa 1.17 to 1.20). Every
 * call checks the envelope its response type promises (`{ product }`,
 * `{ products, count, offset, limit }`, …). Each resource is one `describe` below;
 * a new one (returns, gift cards, draft orders, swaps) is one more, using the
 * clients and the seed made in `beforeAll`.
 *
 * How medusa-js authenticates under Node: it keeps no cookies and registers no JWT
 * outside a browser (`getToken` stores it only when `window` exists), and its
 * `apiKey` is sent as `x-medusa-access-token` (a Medusa user's API token, which
 * Kiosk has not). So the admin and a customer each get a client whose
 * `customHeaders` carry `Authorization: Bearer <access_token>` from `getToken`.
 */

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

describe.each(DATABASES)("medusa-js against Kiosk on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  /** Anonymous store client. */
  let medusa: Medusa;
  /** The admin's client (bearer token). */
  let admin: Medusa["admin"];
  /** A client with a customer's bearer token. */
  const as = (token: string) => new Medusa({ baseUrl: store.server.url, maxRetries: 0, customHeaders: { Authorization: `Bearer ${token}` } });

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
    store = await startStore(name, "medusa_js");
    events = recordEvents(store);
    medusa = new Medusa({ baseUrl: store.server.url, maxRetries: 0 });
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
});
