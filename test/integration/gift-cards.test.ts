import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, recordEvents, SHIPPING_ADDRESS } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";
import { CardBank } from "../fixtures/card-store/src/lib/card-bank";
import { CARDS } from "../fixtures/card-store/src/lib/cards";

const CODE = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;

describe.each(DATABASES)("gift cards on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let dk: { id: string };
  let se: { id: string };
  let option: { id: string };
  let variantId: string;
  let n = 0;

  const post = (path: string, body?: unknown) => store.request(path, { method: "POST", body });
  const createCard = async (value: number, fields: Record<string, unknown> = {}) =>
    expectStatus(await store.admin("/admin/gift-cards", { body: { value, region_id: dk.id, ...fields } }), 200).gift_card;
  const cardOf = async (id: string) => expectStatus(await store.admin(`/admin/gift-cards/${id}`), 200).gift_card;
  /** A cart ready to complete but for payment: two units at 1000, shipping 500, 25 % tax (total 3125). */
  const cartWithoutPayment = async (quantity = 2) => {
    const cart = expectStatus(await post("/store/carts", { region_id: dk.id }), 200).cart;
    expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity }), 200);
    expectStatus(await post(`/store/carts/${cart.id}`, { email: `gift-${++n}@kiosk.test`, shipping_address: SHIPPING_ADDRESS }), 200);
    return expectStatus(await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }), 200).cart as { id: string; total: number };
  };
  const applyCodes = (cartId: string, codes: string[]) => post(`/store/carts/${cartId}`, { gift_cards: codes.map((code) => ({ code })) });

  beforeAll(async () => {
    store = await startStore(name, "gift_cards");
    events = recordEvents(store);
    dk = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    se = await createRegion(store, { name: "Sweden", currency_code: "sek", tax_rate: 25, countries: ["se"] });
    option = await createShippingOption(store, dk.id, 500);
    const product = await createProduct(store, [{ inventory_quantity: 1000, prices: [{ amount: 1000, currency_code: "dkk" }] }]);
    variantId = product.variants[0].id;
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  it("creates, lists, reads, updates and deletes cards on the admin API, refusing bad input coded", async () => {
    const card = await createCard(5000, { metadata: { from: "test" } });
    expect(card).toMatchObject({
      value: 5000,
      balance: 5000,
      region_id: dk.id,
      region: { id: dk.id },
      order_id: null,
      is_disabled: false,
      ends_at: null,
      tax_rate: null,
      metadata: { from: "test" },
      deleted_at: null,
    });
    expect(card.id).toMatch(/^gift_/);
    expect(card.code).toMatch(CODE);
    expect(await cardOf(card.id)).toMatchObject({ id: card.id, code: card.code, balance: 5000 });

    const found = expectStatus(await store.admin(`/admin/gift-cards?q=${card.code.slice(5, 9).toLowerCase()}`), 200);
    expect(found.gift_cards.map((c: { id: string }) => c.id)).toContain(card.id);
    const all = expectStatus(await store.admin("/admin/gift-cards?limit=1"), 200);
    expect(all).toMatchObject({ limit: 1, offset: 0 });
    expect(all.count).toBeGreaterThanOrEqual(1);
    expect(all.gift_cards).toHaveLength(1);
    expect(expectStatus(await store.admin("/admin/gift-cards?q=NO-SUCH-CODE"), 200)).toMatchObject({ gift_cards: [], count: 0 });

    const ends = "2099-01-01T00:00:00.000Z";
    const updated = expectStatus(
      await store.admin(`/admin/gift-cards/${card.id}`, { body: { balance: 4000, ends_at: ends, is_disabled: true, metadata: { more: 1 } } }),
      200,
    ).gift_card;
    expect(updated).toMatchObject({ value: 5000, balance: 4000, is_disabled: true, metadata: { from: "test", more: 1 } });
    expect(new Date(updated.ends_at).toISOString()).toBe(ends);
    const moved = expectStatus(await store.admin(`/admin/gift-cards/${card.id}`, { body: { region_id: se.id, ends_at: null } }), 200).gift_card;
    expect(moved).toMatchObject({ region_id: se.id, region: { id: se.id }, ends_at: null });

    const refused: [string, Record<string, unknown>, number, string][] = [
      ["/admin/gift-cards", { value: -1, region_id: dk.id }, 400, "invalid_request"],
      ["/admin/gift-cards", { value: 1.5, region_id: dk.id }, 400, "invalid_request"],
      ["/admin/gift-cards", { value: 100 }, 400, "invalid_request"],
      ["/admin/gift-cards", { value: 100, region_id: dk.id, code: "MINE" }, 400, "invalid_request"],
      ["/admin/gift-cards", { value: 100, region_id: dk.id, ends_at: "someday" }, 400, "invalid_date"],
      ["/admin/gift-cards", { value: 100, region_id: "reg_nope" }, 404, "not_found"],
      [`/admin/gift-cards/${card.id}`, { balance: 5001 }, 400, "invalid_balance"],
      [`/admin/gift-cards/${card.id}`, { value: 10 }, 400, "invalid_request"],
      [`/admin/gift-cards/${card.id}`, { region_id: "reg_nope" }, 404, "not_found"],
      ["/admin/gift-cards/gift_nope", { balance: 1 }, 404, "gift_card_not_found"],
    ];
    for (const [path, body, status, code] of refused) {
      const res = await store.admin(path, { body });
      expect(res.status, `${path} ${JSON.stringify(body)} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body).toMatchObject({ type: expect.any(String), code, message: expect.any(String) });
    }
    expect(await cardOf(card.id)).toMatchObject({ balance: 4000, region_id: se.id });

    const deleted = expectStatus(await store.admin(`/admin/gift-cards/${card.id}`, { method: "DELETE" }), 200);
    expect(deleted).toEqual({ id: card.id, object: "gift-card", deleted: true });
    expectStatus(await store.admin(`/admin/gift-cards/${card.id}`), 404);
    expectStatus(await store.admin(`/admin/gift-cards/${card.id}`, { method: "DELETE" }), 404);
    expect(expectStatus(await store.admin(`/admin/gift-cards?q=${card.code}`), 200).count).toBe(0);
    await events.drain();
    const about = (event: string) => events.messages.filter((m) => m.name === event && m.data.id === card.id);
    expect(about("gift-card.created")).toHaveLength(1);
    expect(about("gift-card.updated")).toHaveLength(2);
    expect(about("gift-card.deleted")).toHaveLength(1);
  });

  it("shows a card to the storefront by code, and 404s an unknown, disabled or deleted one", async () => {
    const card = await createCard(2500);
    const shown = expectStatus(await store.request(`/store/gift-cards/${card.code.toLowerCase()}`), 200).gift_card;
    expect(Object.keys(shown).sort()).toEqual(["balance", "code", "ends_at", "id", "region", "value"]);
    expect(shown).toMatchObject({ id: card.id, code: card.code, value: 2500, balance: 2500, ends_at: null, region: { id: dk.id } });
    expect(expectStatus(await store.request("/store/gift-cards/NOPE-NOPE-NOPE-NOPE"), 404).code).toBe("gift_card_not_found");
    const disabled = await createCard(100, { is_disabled: true });
    expect(expectStatus(await store.request(`/store/gift-cards/${disabled.code}`), 404).code).toBe("gift_card_not_found");
    const gone = await createCard(100);
    expectStatus(await store.admin(`/admin/gift-cards/${gone.id}`, { method: "DELETE" }), 200);
    expectStatus(await store.request(`/store/gift-cards/${gone.code}`), 404);
  });

  it("applies cards to a cart with exact totals, and refuses unusable ones coded, changing nothing", async () => {
    const cart = await cartWithoutPayment();
    // 2 x 1000 + 500 shipping + 25 % tax of 2500.
    expect(cart.total).toBe(3125);
    const small = await createCard(1000);
    const withSmall = expectStatus(await applyCodes(cart.id, [small.code.toLowerCase()]), 200).cart;
    expect(withSmall).toMatchObject({ subtotal: 2000, shipping_total: 500, tax_total: 625, gift_card_total: 1000, gift_card_tax_total: 0, total: 2125 });
    expect(withSmall.gift_cards.map((c: { id: string }) => c.id)).toEqual([small.id]);

    // Two cards: they pay at most the total after discounts, tax included.
    const big = await createCard(3000);
    const both = expectStatus(await applyCodes(cart.id, [small.code, big.code]), 200).cart;
    expect(both).toMatchObject({ gift_card_total: 3125, total: 0 });
    expect(both.gift_cards.map((c: { id: string }) => c.id).sort()).toEqual([small.id, big.id].sort());

    // With a 10 % discount: 2000 - 200 + 500, tax 575, total 2875, of which the small card pays 1000.
    const discount = expectStatus(
      await store.admin("/admin/discounts", { body: { code: `GC10${name}`, rule: { type: "percentage", value: 10, allocation: "total" }, regions: [dk.id] } }),
      200,
    ).discount;
    const discounted = expectStatus(await post(`/store/carts/${cart.id}`, { discounts: [{ code: discount.code }], gift_cards: [{ code: small.code }] }), 200).cart;
    expect(discounted).toMatchObject({ discount_total: 200, tax_total: 575, gift_card_total: 1000, total: 1875 });

    const expired = await createCard(500, { ends_at: "2020-01-01T00:00:00Z" });
    const disabled = await createCard(500, { is_disabled: true });
    const swedish = await createCard(500, { region_id: se.id });
    const empty = await createCard(500);
    expectStatus(await store.admin(`/admin/gift-cards/${empty.id}`, { body: { balance: 0 } }), 200);
    const refused: [string, number, string][] = [
      [expired.code, 400, "gift_card_expired"],
      [disabled.code, 400, "gift_card_disabled"],
      [swedish.code, 400, "gift_card_region_mismatch"],
      [empty.code, 400, "gift_card_used_up"],
      ["NOPE-NOPE-NOPE-NOPE", 404, "gift_card_not_found"],
    ];
    for (const [code, status, expected] of refused) {
      const res = await applyCodes(cart.id, [big.code, code]);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body).toMatchObject({ type: expect.any(String), code: expected, message: expect.any(String) });
    }
    for (const body of [{ gift_cards: [{ code: "" }] }, { gift_cards: [{}] }, { gift_cards: [{ code: "X", extra: 1 }] }, { gift_cards: "X" }]) {
      expectStatus(await post(`/store/carts/${cart.id}`, body), 400);
    }
    const after = expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart;
    expect(after).toMatchObject({ gift_card_total: 1000, total: 1875 });
    expect(after.gift_cards.map((c: { id: string }) => c.id)).toEqual([small.id]);

    // A card disabled after it was applied no longer pays; an empty list takes every card off.
    expectStatus(await store.admin(`/admin/gift-cards/${small.id}`, { body: { is_disabled: true } }), 200);
    expect(expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart).toMatchObject({ gift_cards: [], gift_card_total: 0, total: 2875 });
    expectStatus(await store.admin(`/admin/gift-cards/${small.id}`, { body: { is_disabled: false } }), 200);
    expect(expectStatus(await applyCodes(cart.id, []), 200).cart).toMatchObject({ gift_cards: [], gift_card_total: 0, total: 2875 });
  });

  it("takes a partial payment from the card at completion and shows it on the order", async () => {
    const card = await createCard(1000);
    const ready = await readyCart(store, { regionId: dk.id, optionId: option.id, items: [{ variant_id: variantId, quantity: 2 }] });
    const cart = expectStatus(await applyCodes(ready.id, [card.code]), 200).cart;
    expect(cart).toMatchObject({ total: 2125, gift_card_total: 1000 });
    // The payment session follows the total after the card.
    expect(cart.payment_session.amount).toBe(2125);
    const order = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200).data;
    expect(order).toMatchObject({ subtotal: 2000, tax_total: 625, gift_card_total: 1000, gift_card_tax_total: 0, total: 2125 });
    expect(order.payments.map((p: { amount: number }) => p.amount)).toEqual([2125]);
    expect(order.gift_cards.map((c: { id: string }) => c.id)).toEqual([card.id]);
    expect(order.gift_card_transactions).toHaveLength(1);
    expect(order.gift_card_transactions[0]).toMatchObject({ gift_card_id: card.id, order_id: order.id, amount: 1000, is_taxable: false, tax_rate: null });
    // Used up, the card is disabled, as Medusa v1 does.
    expect(await cardOf(card.id)).toMatchObject({ balance: 0, is_disabled: true });
    const again = expectStatus(await store.admin(`/admin/orders/${order.id}`), 200).order;
    expect(again).toMatchObject({ gift_card_total: 1000, total: 2125, gift_card_transactions: [{ amount: 1000 }] });
  });

  it("completes a cart its card pays in full without a payment session", async () => {
    const card = await createCard(5000);
    const cart = await cartWithoutPayment();
    const applied = expectStatus(await applyCodes(cart.id, [card.code]), 200).cart;
    expect(applied).toMatchObject({ total: 0, gift_card_total: 3125, payment_session: null });
    const order = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200).data;
    expect(order).toMatchObject({ total: 0, gift_card_total: 3125, payments: [] });
    expect(await cardOf(card.id)).toMatchObject({ balance: 1875, is_disabled: false });
    // Once completed, completing again answers the same order and takes nothing more.
    expect(expectStatus(await post(`/store/carts/${cart.id}/complete`), 200).data.id).toBe(order.id);
    expect(await cardOf(card.id)).toMatchObject({ balance: 1875 });

    // Without a card, the same cart still needs a payment session.
    const unpaid = await cartWithoutPayment();
    expect(expectStatus(await post(`/store/carts/${unpaid.id}/complete`), 422).code).toBe("payment_session_required");
  });

  it("reads the card again at completion: a card spent since the cart was shown leaves the rest to a payment", async () => {
    const card = await createCard(5000);
    const cart = await cartWithoutPayment();
    expect(expectStatus(await applyCodes(cart.id, [card.code]), 200).cart).toMatchObject({ gift_card_total: 3125, total: 0 });
    expectStatus(await store.admin(`/admin/gift-cards/${card.id}`, { body: { balance: 3000 } }), 200);
    expect(expectStatus(await store.request(`/store/carts/${cart.id}`), 200).cart).toMatchObject({ gift_card_total: 3000, total: 125 });
    expect(expectStatus(await post(`/store/carts/${cart.id}/complete`), 422).code).toBe("payment_session_required");
    expect(await cardOf(card.id)).toMatchObject({ balance: 3000 });
  });

  it(
    "takes a card's balance exactly once under 20 concurrent completions of carts sharing it, never below zero (a race only on PostgreSQL)",
    { tags: ["race"] },
    async () => {
      // On SQLite the transactions take turns, so this cannot fail there; on PostgreSQL it proves the row lock.
      const card = await createCard(10_000);
      const carts = [];
      for (let i = 0; i < 20; i++) {
        const cart = await cartWithoutPayment();
        expect(expectStatus(await applyCodes(cart.id, [card.code]), 200).cart).toMatchObject({ total: 0, gift_card_total: 3125 });
        carts.push(cart);
      }
      const results = await Promise.all(carts.map((c) => post(`/store/carts/${c.id}/complete`)));
      const won = results.filter((r) => r.status === 200).map((r) => r.body.data);
      // 3 x 3125 = 9375 fit in 10 000; a fourth would need 3125 of the 625 left.
      expect(won).toHaveLength(3);
      for (const r of results.filter((r) => r.status !== 200)) {
        expect([409, 422], JSON.stringify(r.body)).toContain(r.status);
        expect(["gift_card_balance_changed", "payment_session_required"]).toContain(r.body.code);
      }
      const after = await cardOf(card.id);
      expect(after.balance).toBe(625);
      const taken = won.flatMap((o) => o.gift_card_transactions.filter((t: { gift_card_id: string }) => t.gift_card_id === card.id));
      expect(taken).toHaveLength(3);
      expect(taken.reduce((sum: number, t: { amount: number }) => sum + t.amount, 0)).toBe(card.value - after.balance);
      for (const order of won) expect(order).toMatchObject({ total: 0, gift_card_total: 3125, payments: [] });
    },
    120_000,
  );

  it("issues one card per unit bought of a gift card product, worth its unit price, linked to the order", async () => {
    const giftProduct = await createProduct(store, [{ inventory_quantity: 10, prices: [{ amount: 2500, currency_code: "dkk" }] }], { is_giftcard: true });
    const cart = await readyCart(store, { regionId: dk.id, optionId: option.id, items: [{ variant_id: giftProduct.variants[0].id, quantity: 2 }] });
    await events.drain();
    const before = events.names.filter((e) => e === "gift-card.created").length;
    const order = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200).data;
    const issued = expectStatus(await store.admin("/admin/gift-cards?limit=100"), 200).gift_cards.filter((c: { order_id: string }) => c.order_id === order.id);
    expect(issued).toHaveLength(2);
    for (const card of issued) {
      expect(card).toMatchObject({ value: 2500, balance: 2500, region_id: dk.id, order_id: order.id, is_disabled: false, tax_rate: null });
      expect(card.code).toMatch(CODE);
    }
    expect(issued[0].code).not.toBe(issued[1].code);
    await events.drain();
    expect(events.names.filter((e) => e === "gift-card.created").length - before).toBe(2);
    // The issued card pays in the storefront.
    expect(expectStatus(await store.request(`/store/gift-cards/${issued[0].code}`), 200).gift_card).toMatchObject({ balance: 2500 });
  });
});

/**
 * A card spent by someone else while this cart's payment is being authorized
 * (with the `card-store` fixture's slow test card): the order's transaction
 * finds less than the cart counted on.
 */
describe.each(DATABASES)("gift cards and a card payment on $name", ({ name }) => {
  let store: Store;
  let bank: CardBank;
  let region: { id: string };
  let option: { id: string };

  const post = (path: string, body?: unknown) => store.request(path, { method: "POST", body });

  beforeAll(async () => {
    store = await startStore(name, "gift_cards_card", { fixture: "card-store" });
    bank = CardBank.in(store.dir);
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 500);
  }, 60_000);

  afterAll(async () => {
    await store?.close();
  });

  it("refuses with a 409 and takes nothing when the card no longer holds what the cart counted on, voiding the payment", async () => {
    const product = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 1000, currency_code: "dkk" }] }]);
    const variant = product.variants[0];
    const card = expectStatus(await store.admin("/admin/gift-cards", { body: { value: 1000, region_id: region.id } }), 200).gift_card;
    const ready = await readyCart(store, { regionId: region.id, optionId: option.id, provider: "card", items: [{ variant_id: variant.id, quantity: 2 }] });
    expectStatus(await post(`/store/carts/${ready.id}`, { gift_cards: [{ code: card.code }] }), 200);
    const cart = expectStatus(await post(`/store/carts/${ready.id}/payment-sessions/card`, { data: { card: CARDS.slow } }), 200).cart;
    expect(cart).toMatchObject({ total: 2125, gift_card_total: 1000 });
    const intent = cart.payment_session.data.intent_id as string;

    const completing = post(`/store/carts/${cart.id}/complete`);
    for (let i = 0; i < 400 && !bank.read().calls.includes(`authorize:${intent}`); i++) await new Promise((r) => setTimeout(r, 10));
    expect(bank.read().calls).toContain(`authorize:${intent}`);
    // No transaction is open while the provider authorizes: the admin's change goes through at once.
    expectStatus(await store.admin(`/admin/gift-cards/${card.id}`, { body: { balance: 200 } }), 200);
    expect(expectStatus(await completing, 409)).toMatchObject({ code: "gift_card_balance_changed" });
    expect(bank.read().intents[intent].status).toBe("canceled");
    expect(expectStatus(await store.admin(`/admin/gift-cards/${card.id}`), 200).gift_card).toMatchObject({ balance: 200, is_disabled: false });
    expect(expectStatus(await store.admin(`/admin/orders?cart_id=${cart.id}`), 200).orders).toEqual([]);
    expect(expectStatus(await store.admin(`/admin/products/${product.id}`), 200).product.variants[0].inventory_quantity).toBe(5);

    // Completed again, the card pays what it has left and the payment the rest.
    const reread = expectStatus(await post(`/store/carts/${cart.id}/payment-sessions/card`, { data: { card: CARDS.ok } }), 200).cart;
    expect(reread).toMatchObject({ gift_card_total: 200, total: 2925 });
    const order = expectStatus(await post(`/store/carts/${cart.id}/complete`), 200).data;
    expect(order).toMatchObject({ gift_card_total: 200, total: 2925, gift_card_transactions: [{ gift_card_id: card.id, amount: 200 }] });
    expect(order.payments.map((p: { amount: number }) => p.amount)).toEqual([2925]);
    expect(expectStatus(await store.admin(`/admin/gift-cards/${card.id}`), 200).gift_card).toMatchObject({ balance: 0, is_disabled: true });
  });
});
