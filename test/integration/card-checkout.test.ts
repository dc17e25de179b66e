import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, recordEvents, stockOf } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";
import { CardBank } from "../fixtures/card-store/src/lib/card-bank";
import { CARDS, WEBHOOK_SECRET } from "../fixtures/card-store/src/lib/cards";

/**
 * Checkout with a card provider that lives in the project's own
 * `src/services/` (the `card-store` fixture), as a user adds Stripe: the
 * provider owns the session's data, provider calls run with no transaction
 * open, every failure gives stock back and voids the authorization, and
 * webhooks complete carts idempotently.
 */
describe.each(DATABASES)("checkout with a card provider on $name", ({ name }) => {
  let store: Store;
  let bank: CardBank;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let option: { id: string };

  const post = (path: string, body?: unknown) => store.request(path, { method: "POST", body });
  const pay = (cartId: string, card: string) => post(`/store/carts/${cartId}/payment-sessions/card`, { data: { card } });

  /** A product with `stock` units, and a cart of `quantity` of it paid (to be) with `card`. */
  async function cardCart(card: string, stock = 5, quantity = 2) {
    const product = await createProduct(store, [{ inventory_quantity: stock, prices: [{ amount: 1000, currency_code: "dkk" }] }]);
    const variant = product.variants[0];
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, provider: "card", items: [{ variant_id: variant.id, quantity }] });
    const paid = expectStatus(await pay(cart.id, card), 200).cart;
    return { product, variant, cart: paid, intent: paid.payment_session.data.intent_id as string };
  }

  /** Resolves once the provider was asked to authorize this intent. */
  async function authorizing(intent: string) {
    for (let i = 0; i < 400; i++) {
      if (bank.read().calls.includes(`authorize:${intent}`)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the provider was never asked to authorize ${intent}`);
  }

  function webhook(provider: string, event: Record<string, unknown>, signature?: string) {
    const raw = JSON.stringify(event);
    const sig = signature ?? crypto.createHmac("sha256", WEBHOOK_SECRET).update(raw).digest("hex");
    return store.request(`/hooks/payment/${provider}`, { method: "POST", body: raw, headers: { "x-card-signature": sig } });
  }

  async function ordersOf(cartId: string) {
    const res = await store.admin(`/admin/orders?cart_id=${cartId}`);
    return expectStatus(res, 200).orders as { id: string; total: number }[];
  }

  beforeAll(async () => {
    store = await startStore(name, "card", { fixture: "card-store" });
    bank = CardBank.in(store.dir);
    events = recordEvents(store);
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 500);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("stores what the provider returns, never the data a storefront sends", async () => {
    const { cart, intent } = await cardCart(CARDS.ok);
    expect(intent).toMatch(/^pi_/);
    const swapped = expectStatus(await post(`/store/carts/${cart.id}/payment-sessions/card`, { data: { card: CARDS.ok, intent_id: "pi_someone_else" } }), 200);
    expect(swapped.cart.payment_session.data).toEqual({ intent_id: intent, client_secret: `${intent}_secret`, last4: "4242" });

    const forged = expectStatus(await post(`/store/carts/${cart.id}/payment-sessions/card`, { data: { intent_id: "pi_x", status: "authorized" } }), 400);
    expect(forged).toMatchObject({ code: "invalid_card", field: "data.card" });
    const after = expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart;
    expect(after.payment_session.data.intent_id).toBe(intent);

    // The manual provider keeps a storefront's note, but never takes a status from it.
    const manual = expectStatus(await post(`/store/carts/${cart.id}/payment-sessions/manual`, { data: { status: "authorized", reference: "PO-7" } }), 200);
    const session = manual.cart.payment_sessions.find((s: { provider_id: string }) => s.provider_id === "manual");
    expect(session.data).toEqual({ status: "pending", reference: "PO-7" });
    expectStatus(await post(`/store/carts/${cart.id}/payment-sessions/nope`, { data: {} }), 404);

    const done = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200);
    expect(done.data.payments[0]).toMatchObject({ provider_id: "card", amount: done.data.total, data: { intent_id: intent } });
    expect(bank.read().intents[intent]).toMatchObject({ status: "authorized", amount: done.data.total });
  });

  it("keeps the shipping data a fulfillment provider of the project's returns, asked before the cart's transaction", async () => {
    const { cart } = await cardCart(CARDS.ok, 5, 1);
    const locker = await createShippingOption(store, region.id, 300, { provider_id: "locker" });
    const path = `/store/carts/${cart.id}/shipping-methods`;
    const refused = expectStatus(await post(path, { option_id: locker.id, data: { locker: "../etc" } }), 400);
    expect(refused).toMatchObject({ code: "invalid_locker", field: "data.locker" });
    expect(expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart.shipping_methods[0].shipping_option_id).toBe(cart.shipping_methods[0].shipping_option_id);
    const chosen = expectStatus(await post(path, { option_id: locker.id, data: { locker: "L12", extra: "dropped" } }), 200).cart;
    expect(chosen.shipping_methods).toHaveLength(1);
    expect(chosen.shipping_methods[0]).toMatchObject({ shipping_option_id: locker.id, price: 300, data: { locker: "L12", checked_for: region.id } });
    expect(chosen.shipping_methods[0].data.extra).toBeUndefined();
    const done = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200);
    expect(done.data.shipping_methods[0].data).toEqual({ locker: "L12", checked_for: region.id });
  });

  it("serves the catalog and other checkouts while an authorization takes 2 seconds", async () => {
    const slow = await cardCart(CARDS.slow, 5, 2);
    const other = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 700, currency_code: "dkk" }] }]);
    const otherCart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: other.variants[0].id, quantity: 1 }] });

    let slowDone = false;
    const completing = post(`/store/carts/${slow.cart.id}/complete`).then((res) => {
      slowDone = true;
      return res;
    });
    await authorizing(slow.intent);
    // Both answer while the slow authorization is still in flight: no transaction is held open for it.
    expectStatus(await store.request("/store/products?limit=5"), 200);
    expect(slowDone).toBe(false);
    const placed = expectStatus(await post(`/store/carts/${otherCart.id}/complete`), 200);
    expect(placed.type).toBe("order");
    expect(slowDone).toBe(false);

    const res = expectStatus(await completing, 200);
    expect(res.type).toBe("order");
    expect(await stockOf(store, slow.product.id, slow.variant.id)).toBe(3);
    expect(await stockOf(store, other.id, other.variants[0].id)).toBe(4);
  });

  it.each([
    ["declined", CARDS.declined, 422, "payment_authorization_failed", "failed"],
    ["failing", CARDS.broken, 503, "payment_provider_unavailable", "canceled"],
    ["throwing after it authorized", CARDS.lostAnswer, 503, "payment_provider_unavailable", "canceled"],
    ["not answering in time", CARDS.hangs, 503, "payment_provider_timeout", "canceled"],
  ])("leaves no order, no stock taken and no event when the provider is %s, and voids what it authorized", async (_label, card, status, code, intentStatus) => {
    const { product, variant, cart, intent } = await cardCart(card, 5, 2);
    const placedBefore = events.names.filter((n) => n === "order.placed").length;

    const res = expectStatus(await post(`/store/carts/${cart.id}/complete`), status);
    expect(res).toMatchObject({ code });
    expect(res.stack).toBeUndefined();
    expect(await stockOf(store, product.id, variant.id)).toBe(5);
    expect(await ordersOf(cart.id)).toEqual([]);
    expect(expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart.completed_at).toBeNull();
    await events.drain();
    expect(events.names.filter((n) => n === "order.placed").length).toBe(placedBefore);
    expect(bank.read().intents[intent].status).toBe(intentStatus);

    // The cart is open again: another card completes it, taking the stock once.
    expectStatus(await pay(cart.id, CARDS.ok), 200);
    expect(expectStatus(await post(`/store/carts/${cart.id}/complete`), 200).type).toBe("order");
    expect(await stockOf(store, product.id, variant.id)).toBe(3);
    expect(await ordersOf(cart.id)).toHaveLength(1);
  });

  it("does not complete a cart that changed while its payment was being authorized", async () => {
    const { product, variant, cart, intent } = await cardCart(CARDS.slow, 5, 1);
    const completing = post(`/store/carts/${cart.id}/complete`);
    await authorizing(intent);
    const changed = expectStatus(await post(`/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { quantity: 2 }), 200).cart;
    expect(expectStatus(await completing, 409)).toMatchObject({ code: "cart_changed" });
    expect(await stockOf(store, product.id, variant.id)).toBe(5);
    expect(bank.read().intents[intent].status).toBe("canceled");
    expect(await ordersOf(cart.id)).toEqual([]);

    // Completing again authorizes the new total.
    const done = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200);
    expect(done.data.total).toBe(changed.total);
    expect(done.data.payments[0].amount).toBe(changed.total);
    expect(await stockOf(store, product.id, variant.id)).toBe(3);
  });

  it("completes the cart of a shopper who closed the tab when the provider's webhook says it is paid, once", async () => {
    const { product, variant, cart, intent } = await cardCart(CARDS.threeDs, 5, 2);
    expect(expectStatus(await post(`/store/carts/${cart.id}/complete`), 200).type).toBe("cart");
    expect(await stockOf(store, product.id, variant.id)).toBe(5);

    const event = { type: "payment_intent.amount_capturable_updated", intent_id: intent };
    expect(expectStatus(await webhook("card", event, "0".repeat(64)), 400)).toMatchObject({ code: "invalid_signature" });
    expect(await ordersOf(cart.id)).toEqual([]);

    expect(expectStatus(await webhook("card", event), 200)).toEqual({ received: true, action: "authorized" });
    const [order] = await ordersOf(cart.id);
    expect(order).toBeDefined();
    expect(await stockOf(store, product.id, variant.id)).toBe(3);

    // The provider sends it again, and the storefront comes back: still one order.
    expectStatus(await webhook("card", event), 200);
    const storefront = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200);
    expect(storefront.data.id).toBe(order.id);
    expect(await ordersOf(cart.id)).toHaveLength(1);
    expect(await stockOf(store, product.id, variant.id)).toBe(3);

    expect(expectStatus(await webhook("card", { type: "charge.dispute.created", intent_id: intent }), 200).action).toBe("not_supported");
    expect(expectStatus(await webhook("card", { type: "payment_intent.succeeded", intent_id: "pi_unknown" }), 400)).toMatchObject({ code: "invalid_webhook" });
    expect(expectStatus(await webhook("nope", event), 404)).toMatchObject({ code: "payment_provider_not_found" });
    expect(expectStatus(await webhook("manual", event), 404)).toMatchObject({ code: "webhook_not_supported" });
  });

  // Not a race of transactions, and so not tagged `race`: the webhook is sent
  // once the storefront's completion is authorizing (its reservation committed,
  // the provider call under way), so it meets the in-flight completion on
  // SQLite as on PostgreSQL and must wait for its order on both.
  it("gives one order when the webhook races the storefront's own completion", async () => {
    const { product, variant, cart, intent } = await cardCart(CARDS.slow, 5, 1);
    const storefront = post(`/store/carts/${cart.id}/complete`);
    await authorizing(intent);
    const hook = webhook("card", { type: "payment_intent.amount_capturable_updated", intent_id: intent });
    const [a, b] = await Promise.all([storefront, hook]);
    expect(expectStatus(a, 200).type).toBe("order");
    expectStatus(b, 200);
    const orders = await ordersOf(cart.id);
    expect(orders.map((o) => o.id)).toEqual([a.body.data.id]);
    expect(await stockOf(store, product.id, variant.id)).toBe(4);
  });

  it("records a capture the provider reports, completing the cart first when needed, without asking the provider again", async () => {
    const { cart, intent } = await cardCart(CARDS.threeDs, 5, 1);
    expect(expectStatus(await post(`/store/carts/${cart.id}/complete`), 200).type).toBe("cart");
    const event = { type: "payment_intent.succeeded", intent_id: intent };
    expect(expectStatus(await webhook("card", event), 200).action).toBe("captured");
    const [listed] = await ordersOf(cart.id);
    const order = expectStatus(await store.admin(`/admin/orders/${listed.id}`), 200).order;
    expect(order.payment_status).toBe("captured");
    expect(order.payments[0].captured_at).not.toBeNull();
    expect(bank.read().calls).not.toContain(`capture:${intent}`);

    const captured = events.names.filter((n) => n === "order.payment_captured").length;
    expectStatus(await webhook("card", event), 200);
    await events.drain();
    expect(events.names.filter((n) => n === "order.payment_captured").length).toBe(captured);
    expect(expectStatus(await store.admin(`/admin/orders/${listed.id}/capture`, { method: "POST" }), 422)).toMatchObject({ code: "nothing_to_capture" });
    expect(await ordersOf(cart.id)).toHaveLength(1);
  });

  it("marks a waiting session failed when the provider's webhook says so", async () => {
    const { cart, intent } = await cardCart(CARDS.threeDs, 5, 1);
    expect(expectStatus(await webhook("card", { type: "payment_intent.payment_failed", intent_id: intent }), 200).action).toBe("failed");
    expect(expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart.payment_session.status).toBe("error");
  });
});
