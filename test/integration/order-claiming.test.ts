import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, recordEvents } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { kiosk } from "../helpers/kiosk";
import { startStore, type Store } from "../helpers/store";

/** The orders' remaining routes: an admin's shipping method on an order, and customers claiming guest orders. */
describe.each(DATABASES)("order shipping methods and claims on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let option: { id: string };
  let product: Awaited<ReturnType<typeof createProduct>>;
  let n = 0;

  /** Places an order (one unit), as a guest with `email`, or as the customer whose headers are given. */
  async function placeOrder(input: { email?: string; headers?: Record<string, string> } = {}) {
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: product.variants[0].id, quantity: 1 }], headers: input.headers });
    if (input.email) expectStatus(await store.request(`/store/carts/${cart.id}`, { body: { email: input.email }, headers: input.headers }), 200);
    return expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST", headers: input.headers }), 200).data;
  }

  /** Signs a fresh customer up; returns its id, email and bearer headers. */
  async function signUp() {
    const email = `claimer${++n}@kiosk.test`;
    const password = "correct-horse";
    const customer = expectStatus(await store.request("/store/customers", { body: { email, password, first_name: "C", last_name: "L" } }), 200).customer;
    const token = expectStatus(await store.request("/store/auth/token", { body: { email, password } }), 200).access_token;
    return { id: customer.id as string, email, headers: { authorization: `Bearer ${token}` } };
  }

  /** The `order-update-token.created` events raised since `from`. */
  const tokenEvents = async (from: number) => {
    await events.drain();
    return events.messages.slice(from).filter((m) => m.name === "order-update-token.created").map((m) => m.data);
  };

  const requestClaim = (headers: Record<string, string>, orderIds: string[]) =>
    store.request("/store/orders/batch/customer/token", { body: { order_ids: orderIds }, headers });
  const confirm = (token: string) => store.request("/store/orders/customer/confirm", { body: { token } });
  const orderOf = async (id: string) => expectStatus(await store.admin(`/admin/orders/${id}`), 200).order;

  beforeAll(async () => {
    store = await startStore(name, "order_claiming");
    events = recordEvents(store);
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 1000);
    product = await createProduct(store, [{ inventory_quantity: 1000, prices: [{ amount: 2000, currency_code: "dkk" }] }]);
  });

  afterAll(async () => {
    await store?.close();
  });

  describe("POST /admin/orders/:id/shipping-methods", () => {
    const add = (orderId: string, body: unknown) => store.admin(`/admin/orders/${orderId}/shipping-methods`, { body });

    it("sets the order's shipping method at the admin's price, replacing the one it had", async () => {
      const order = await placeOrder();
      expect(order.shipping_methods).toHaveLength(1);
      expect(order.shipping_total).toBe(1000);
      const express = await createShippingOption(store, region.id, 5000, { name: "Express", admin_only: true });
      const from = events.messages.length;

      const updated = expectStatus(await add(order.id, { option_id: express.id, price: 2500, data: { slot: "am" } }), 200).order;
      expect(updated.shipping_methods).toHaveLength(1);
      expect(updated.shipping_methods[0]).toMatchObject({ shipping_option_id: express.id, price: 2500, data: { slot: "am" }, order_id: order.id });
      expect(updated.shipping_total).toBe(2500);
      expect(updated.total).toBe(order.total + (2500 - 1000) * 1.25);
      expect(await orderOf(order.id)).toMatchObject({ shipping_total: 2500, total: updated.total });
      await events.drain();
      expect(events.messages.slice(from)).toContainEqual(expect.objectContaining({ name: "order.updated", data: { id: order.id } }));

      // Free shipping is a price of 0.
      expect(expectStatus(await add(order.id, { option_id: option.id, price: 0 }), 200).order).toMatchObject({ shipping_total: 0 });
    });

    it("refuses a bad body, an unknown order or option, an option of another region or for returns, a canceled order", async () => {
      const order = await placeOrder();
      for (const body of [{ option_id: option.id }, { price: 100 }, { option_id: option.id, price: -1 }, { option_id: option.id, price: 1.5 }, { option_id: option.id, price: 1, extra: true }]) {
        expect(expectStatus(await add(order.id, body), 400), JSON.stringify(body)).toMatchObject({ type: "invalid_data" });
      }
      expect(expectStatus(await add(order.id, { option_id: option.id, price: Number.MAX_SAFE_INTEGER + 2 }), 400)).toMatchObject({ type: "invalid_data" });
      expect(expectStatus(await add("order_nope", { option_id: option.id, price: 1 }), 404)).toMatchObject({ code: "order_not_found" });
      expect(expectStatus(await add(order.id, { option_id: "so_nope", price: 1 }), 404)).toMatchObject({ code: "shipping_option_not_found" });
      const sweden = await createRegion(store, { name: "Sweden", currency_code: "sek", tax_rate: 25, countries: ["se"] });
      const elsewhere = await createShippingOption(store, sweden.id, 100);
      expect(expectStatus(await add(order.id, { option_id: elsewhere.id, price: 1 }), 422)).toMatchObject({ code: "shipping_option_unavailable" });
      const returns = await createShippingOption(store, region.id, 100, { is_return: true });
      expect(expectStatus(await add(order.id, { option_id: returns.id, price: 1 }), 422)).toMatchObject({ code: "shipping_option_unavailable" });
      expectStatus(await store.request(`/admin/orders/${order.id}/shipping-methods`, { body: { option_id: option.id, price: 1 } }), 401);
      // Nothing changed.
      expect((await orderOf(order.id)).shipping_methods.map((m: { price: number }) => m.price)).toEqual([1000]);

      expectStatus(await store.admin(`/admin/orders/${order.id}/cancel`, { body: {} }), 200);
      expect(expectStatus(await add(order.id, { option_id: option.id, price: 1 }), 422)).toMatchObject({ code: "order_canceled" });
    });
  });

  describe("claiming guest orders", () => {
    it("sends a token per email, and confirming it moves those guest orders to the customer", async () => {
      const customer = await signUp();
      const old1 = `guest-a-${++n}@kiosk.test`;
      const old2 = `guest-b-${n}@kiosk.test`;
      const a1 = await placeOrder({ email: old1 });
      const a2 = await placeOrder({ email: old1 });
      const b1 = await placeOrder({ email: old2 });
      const other = await signUp();
      const owned = await placeOrder({ headers: other.headers });
      expect(owned.customer_id).toBe(other.id);
      const from = events.messages.length;

      const res = await requestClaim(customer.headers, [a1.id, a2.id, b1.id, owned.id, "order_unknown"]);
      expect(res.status).toBe(200);
      expect(res.body).toBeUndefined();
      const sent = await tokenEvents(from);
      expect(sent.map((e) => ({ ...e, token: typeof e.token }))).toEqual(
        expect.arrayContaining([
          { old_email: old1, new_customer_id: customer.id, orders: expect.arrayContaining([a1.id, a2.id]), token: "string" },
          { old_email: old2, new_customer_id: customer.id, orders: [b1.id], token: "string" },
        ]),
      );
      expect(sent).toHaveLength(2); // the other customer's order is not claimable
      const tokenFor = (email: string) => sent.find((e) => e.old_email === email)!.token as string;

      // Nothing moves before the confirmation.
      expect(expectStatus(await store.request("/store/customers/me/orders", { headers: customer.headers }), 200).count).toBe(0);

      const before = events.messages.length;
      const confirmed = await confirm(tokenFor(old1));
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toBeUndefined();
      const mine = expectStatus(await store.request("/store/customers/me/orders", { headers: customer.headers }), 200);
      expect(mine.orders.map((o: { id: string }) => o.id).sort()).toEqual([a1.id, a2.id].sort());
      for (const id of [a1.id, a2.id]) expect(await orderOf(id)).toMatchObject({ customer_id: customer.id, email: customer.email });
      expect(await orderOf(b1.id)).toMatchObject({ customer_id: null, email: old2 });
      await events.drain();
      expect(events.messages.slice(before).filter((m) => m.name === "order.updated").map((m) => m.data.id).sort()).toEqual([a1.id, a2.id].sort());

      // The token is not spent, but a second confirmation finds nothing left to move.
      const again = events.messages.length;
      expect((await confirm(tokenFor(old1))).status).toBe(200);
      await events.drain();
      expect(events.messages.slice(again).filter((m) => m.name === "order.updated")).toEqual([]);

      expect((await confirm(tokenFor(old2))).status).toBe(200);
      expect(await orderOf(b1.id)).toMatchObject({ customer_id: customer.id, email: customer.email });
      expect(await orderOf(owned.id)).toMatchObject({ customer_id: other.id });
    });

    it("moves only orders that still have the email the token was sent to", async () => {
      const customer = await signUp();
      const old = `guest-c-${++n}@kiosk.test`;
      const order = await placeOrder({ email: old });
      const from = events.messages.length;
      expectStatus(await requestClaim(customer.headers, [order.id]), 200);
      const [sent] = await tokenEvents(from);
      expectStatus(await store.admin(`/admin/orders/${order.id}`, { body: { email: "someone-else@kiosk.test" } }), 200);
      expect((await confirm(sent.token)).status).toBe(200);
      expect(await orderOf(order.id)).toMatchObject({ customer_id: null, email: "someone-else@kiosk.test" });
    });

    it("refuses a request without a customer, a bad body, and a wrong, expired or foreign token", async () => {
      const customer = await signUp();
      const order = await placeOrder({ email: `guest-d-${++n}@kiosk.test` });
      expect(expectStatus(await store.request("/store/orders/batch/customer/token", { body: { order_ids: [order.id] } }), 401)).toMatchObject({ type: "unauthorized" });
      for (const body of [{}, { order_ids: [] }, { order_ids: "x" }, { order_ids: [order.id], extra: 1 }]) {
        expectStatus(await store.request("/store/orders/batch/customer/token", { body, headers: customer.headers }), 400);
      }
      for (const body of [{}, { token: "" }, { token: 1 }]) expectStatus(await store.request("/store/orders/customer/confirm", { body }), 400);

      const secret = store.server.kernel.container.resolve<any>("config").http.jwtSecret as string;
      const claims = { old_email: order.email, orders: [order.id] };
      const bearer = customer.headers.authorization.slice("Bearer ".length);
      const tokens = {
        garbage: "not-a-token",
        session: bearer, // a customer's session token is no claim token
        otherPurpose: kiosk.signPurposeToken("something_else", customer.id, claims, secret, 900),
        otherSecret: kiosk.signPurposeToken("order_claim", customer.id, claims, "another-secret", 900),
        expired: kiosk.signPurposeToken("order_claim", customer.id, claims, secret, -10),
        unknownCustomer: kiosk.signPurposeToken("order_claim", "cus_nobody", claims, secret, 900),
      };
      for (const [label, token] of Object.entries(tokens)) {
        expect(expectStatus(await confirm(token), 401), label).toMatchObject({ type: "unauthorized", code: "invalid_claim_token" });
      }
      expect(await orderOf(order.id)).toMatchObject({ customer_id: null });
      // The same claims, signed as the server signs them, do move the order.
      expectStatus(await confirm(kiosk.signPurposeToken("order_claim", customer.id, claims, secret, 900)), 200);
      expect(await orderOf(order.id)).toMatchObject({ customer_id: customer.id });
    });

    // On SQLite this cannot fail (transactions take turns); on PostgreSQL it proves the conditional UPDATE.
    it("moves an order once when confirmations race (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
      const [first, second] = [await signUp(), await signUp()];
      const old = `guest-e-${++n}@kiosk.test`;
      const order = await placeOrder({ email: old });
      const from = events.messages.length;
      expectStatus(await requestClaim(first.headers, [order.id]), 200);
      expectStatus(await requestClaim(second.headers, [order.id]), 200);
      const tokens = (await tokenEvents(from)).map((e) => e.token as string);
      expect(tokens).toHaveLength(2);
      const before = events.messages.length;
      const results = await Promise.all([...tokens, ...tokens, ...tokens].map((t) => confirm(t)));
      expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
      await events.drain();
      expect(events.messages.slice(before).filter((m) => m.name === "order.updated")).toHaveLength(1);
      const moved = await orderOf(order.id);
      expect([first.id, second.id]).toContain(moved.customer_id);
      expect(moved.email).toBe(moved.customer_id === first.id ? first.email : second.email);
    });
  });
});
