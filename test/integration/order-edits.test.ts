import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, recordEvents, stockOf } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("order edits on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let option: { id: string };
  let product: Awaited<ReturnType<typeof createProduct>>;
  let variantA: string;
  let variantB: string;
  let variantC: string;

  const admin = (path: string, body?: unknown, method?: string) => store.admin(path, { method: method ?? (body === undefined ? "GET" : "POST"), body });
  const edit = (id: string, what = "", body: unknown = {}) => admin(`/admin/order-edits/${id}${what}`, body);
  const storeEdit = (id: string, what = "", body: unknown = {}) => store.request(`/store/order-edits/${id}${what}`, { method: "POST", body });

  async function placeOrder(items: { variant_id: string; quantity: number }[]) {
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items });
    return expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
  }
  const orderOf = async (id: string) => expectStatus(await admin(`/admin/orders/${id}`), 200).order;
  const stock = (variantId: string, productId = product.id) => stockOf(store, productId, variantId);
  const itemFor = (view: any, variantId: string) => view.items.find((i: { variant_id: string }) => i.variant_id === variantId);
  const expectCode = (res: { status: number; body: any }, status: number, code: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toMatchObject({ type: expect.any(String), code, message: expect.any(String) });
  };

  beforeAll(async () => {
    store = await startStore(name, "order_edits");
    events = recordEvents(store);
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 1000);
    product = await createProduct(store, [
      { inventory_quantity: 100, prices: [{ amount: 2000, currency_code: "dkk" }] },
      { inventory_quantity: 100, prices: [{ amount: 4000, currency_code: "dkk" }] },
      { inventory_quantity: 10, prices: [{ amount: 1500, currency_code: "dkk" }] },
    ]);
    [variantA, variantB, variantC] = product.variants.map((v) => v.id);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("adds, changes and removes lines with the right totals, then confirms: the order's lines, totals and stock follow once", async () => {
    const order = await placeOrder([{ variant_id: variantA, quantity: 3 }, { variant_id: variantB, quantity: 1 }]);
    // 3 × 2000 + 4000, shipping 1000, 25 % tax on all.
    expect(order.total).toBe(13_750);
    const [stockA, stockB, stockC] = [await stock(variantA), await stock(variantB), await stock(variantC)];

    const created = expectStatus(await admin("/admin/order-edits", { order_id: order.id, internal_note: "Customer called" }), 200).order_edit;
    expect(created).toMatchObject({ object: "order_edit", order_id: order.id, status: "created", internal_note: "Customer called", changes: [] });
    expect(created.id).toMatch(/^oe_/);
    expect(created.created_by).toMatch(/^usr_|^user_/);
    expect(created).toMatchObject({ subtotal: 10_000, shipping_total: 1000, tax_total: 2750, total: 13_750, difference_due: 0 });
    expect(created.items).toHaveLength(2);
    const lineA = order.items.find((i: { variant_id: string }) => i.variant_id === variantA);
    expect(itemFor(created, variantA)).toMatchObject({ original_item_id: lineA.id, quantity: 3, unit_price: 2000, order_edit_id: created.id });
    expectCode(await admin("/admin/order-edits", { order_id: order.id }), 409, "order_edit_active");

    const added = expectStatus(await edit(created.id, "/items", { variant_id: variantC, quantity: 2 }), 200).order_edit;
    const itemC = itemFor(added, variantC);
    expect(itemC).toMatchObject({ original_item_id: null, quantity: 2, unit_price: 1500, subtotal: 3000, tax_total: 750, total: 3750 });
    expect(added.changes).toMatchObject([{ type: "item_add", line_item_id: itemC.id, original_line_item_id: null }]);
    expect(added.difference_due).toBe(3750);

    const copyA = itemFor(added, variantA);
    const changed = expectStatus(await edit(created.id, `/items/${copyA.id}`, { quantity: 1 }), 200).order_edit;
    expect(itemFor(changed, variantA)).toMatchObject({ quantity: 1, subtotal: 2000 });
    expect(changed.changes.map((c: { type: string }) => c.type)).toEqual(["item_add", "item_update"]);
    expect(changed.difference_due).toBe(3750 - 5000);

    const copyB = itemFor(changed, variantB);
    const removed = expectStatus(await admin(`/admin/order-edits/${created.id}/items/${copyB.id}`, undefined, "DELETE"), 200).order_edit;
    expect(itemFor(removed, variantB)).toBeUndefined();
    expect(removed.changes.at(-1)).toMatchObject({ type: "item_remove", original_line_item_id: copyB.original_item_id, line_item_id: null });
    // 2000 + 3000, shipping 1000, tax 1500.
    expect(removed).toMatchObject({ subtotal: 5000, shipping_total: 1000, tax_total: 1500, total: 7500, difference_due: 7500 - 13_750 });

    const requested = expectStatus(await edit(created.id, "/request"), 200).order_edit;
    expect(requested).toMatchObject({ status: "requested", requested_by: created.created_by });
    expect(requested.requested_at).toEqual(expect.any(String));
    const shown = expectStatus(await store.request(`/store/order-edits/${created.id}`), 200).order_edit;
    expect(shown).toMatchObject({ id: created.id, status: "requested", total: 7500, difference_due: -6250 });
    expect(shown).not.toHaveProperty("internal_note");
    expect(shown).not.toHaveProperty("created_by");
    // Nothing moved before the confirmation.
    expect(await stock(variantA)).toBe(stockA);
    expect((await orderOf(order.id)).total).toBe(13_750);

    const confirmed = expectStatus(await edit(created.id, "/confirm"), 200).order_edit;
    expect(confirmed).toMatchObject({ status: "confirmed", confirmed_by: created.created_by, difference_due: 0 });
    const after = await orderOf(order.id);
    expect(after.items.map((i: any) => [i.variant_id, i.quantity]).sort()).toEqual([[variantA, 1], [variantC, 2]].sort());
    expect(itemFor(after, variantC).id).toBe(itemC.id);
    expect(after).toMatchObject({ subtotal: 5000, tax_total: 1500, total: 7500 });
    expect(await stock(variantA)).toBe(stockA + 2);
    expect(await stock(variantB)).toBe(stockB + 1);
    expect(await stock(variantC)).toBe(stockC - 2);

    // A confirmed edit is final.
    expectCode(await edit(created.id, "/confirm"), 422, "order_edit_confirmed");
    expectCode(await storeEdit(created.id, "/complete"), 422, "order_edit_confirmed");
    expectCode(await edit(created.id, "/items", { variant_id: variantA, quantity: 1 }), 422, "order_edit_confirmed");
    expectCode(await edit(created.id, `/items/${copyA.id}`, { quantity: 2 }), 422, "order_edit_confirmed");
    expectCode(await edit(created.id, "/cancel"), 422, "order_edit_not_cancelable");
    expectCode(await admin(`/admin/order-edits/${created.id}`, undefined, "DELETE"), 422, "order_edit_not_deletable");
    expect(await stock(variantA)).toBe(stockA + 2);
    expect(await stock(variantC)).toBe(stockC - 2);

    await events.drain();
    const mine = events.messages.filter((m) => m.name.startsWith("order-edit.") && m.data.id === created.id).map((m) => m.name);
    expect(mine).toEqual(["order-edit.created", "order-edit.requested", "order-edit.confirmed"]);
    expect(events.messages.find((m) => m.name === "order-edit.confirmed" && m.data.id === created.id)?.data).toEqual({ id: created.id, order_id: order.id });

    // The order may be edited again, and lists find its edits.
    const next = expectStatus(await admin("/admin/order-edits", { order_id: order.id }), 200).order_edit;
    const list = expectStatus(await admin(`/admin/order-edits?order_id=${order.id}`), 200);
    expect(list).toMatchObject({ count: 2, offset: 0, limit: 20 });
    expect(list.order_edits.map((e: { id: string }) => e.id)).toEqual([next.id, created.id]);
    expect(expectStatus(await admin(`/admin/order-edits?q=called`), 200).order_edits.map((e: { id: string }) => e.id)).toContain(created.id);
    expectStatus(await edit(next.id, "", { internal_note: "Second thoughts" }), 200);
    expect(expectStatus(await edit(next.id, "/cancel"), 200).order_edit).toMatchObject({ status: "canceled", internal_note: "Second thoughts" });
  });

  it("lets the customer decline or complete a requested edit; undoes changes; deletes an unrequested edit", async () => {
    const order = await placeOrder([{ variant_id: variantA, quantity: 2 }]);
    const stockA = await stock(variantA);
    const first = expectStatus(await admin("/admin/order-edits", { order_id: order.id }), 200).order_edit;
    expectCode(await edit(first.id, "/request"), 422, "order_edit_no_changes");
    expectCode(await storeEdit(first.id, "/complete"), 422, "order_edit_not_requested");
    expectCode(await storeEdit(first.id, "/decline"), 422, "order_edit_not_requested");
    const copy = first.items[0];

    // Undoing a change puts the line back as the order has it.
    const removed = expectStatus(await admin(`/admin/order-edits/${first.id}/items/${copy.id}`, undefined, "DELETE"), 200).order_edit;
    expect(removed.items).toEqual([]);
    const change = removed.changes[0].id;
    expect(expectStatus(await admin(`/admin/order-edits/${first.id}/changes/${change}`, undefined, "DELETE"), 200)).toEqual({ id: change, object: "item_change", deleted: true });
    const undone = expectStatus(await admin(`/admin/order-edits/${first.id}`), 200).order_edit;
    expect(undone.changes).toEqual([]);
    expect(undone.items).toMatchObject([{ original_item_id: copy.original_item_id, quantity: 2 }]);
    expect(undone.difference_due).toBe(0);
    const grown = expectStatus(await edit(first.id, `/items/${undone.items[0].id}`, { quantity: 3 }), 200).order_edit;
    expect(grown.difference_due).toBe(2500);
    expectStatus(await admin(`/admin/order-edits/${first.id}/changes/${grown.changes[0].id}`, undefined, "DELETE"), 200);
    const reverted = expectStatus(await admin(`/admin/order-edits/${first.id}`), 200).order_edit;
    expect(reverted.items[0].quantity).toBe(2);
    expectCode(await admin(`/admin/order-edits/${first.id}/changes/oic_nope`, undefined, "DELETE"), 404, "order_item_change_not_found");
    expectCode(await edit(first.id, "/items/item_nope", { quantity: 1 }), 404, "order_edit_item_not_found");

    // A positive difference cannot be paid from the store (no payment collections): the customer declines.
    expectStatus(await edit(first.id, `/items/${reverted.items[0].id}`, { quantity: 3 }), 200);
    expectStatus(await edit(first.id, "/request"), 200);
    expectCode(await storeEdit(first.id, "/complete"), 422, "order_edit_payment_required");
    const declined = expectStatus(await storeEdit(first.id, "/decline", { declined_reason: "Too expensive" }), 200).order_edit;
    expect(declined).toMatchObject({ status: "declined", declined_reason: "Too expensive" });
    expect(expectStatus(await storeEdit(first.id, "/decline"), 200).order_edit.status).toBe("declined");
    expectCode(await edit(first.id, "/confirm"), 422, "order_edit_not_active");
    expectCode(await storeEdit(first.id, "/complete"), 422, "order_edit_not_active");
    expectCode(await edit(first.id, "/items", { variant_id: variantA, quantity: 1 }), 422, "order_edit_not_active");

    // An edit never requested may be deleted.
    const draft = expectStatus(await admin("/admin/order-edits", { order_id: order.id }), 200).order_edit;
    expect(expectStatus(await admin(`/admin/order-edits/${draft.id}`, undefined, "DELETE"), 200)).toEqual({ id: draft.id, object: "order_edit", deleted: true });
    expectCode(await admin(`/admin/order-edits/${draft.id}`), 404, "order_edit_not_found");
    expectCode(await store.request(`/store/order-edits/${draft.id}`), 404, "order_edit_not_found");

    // Fewer units: the customer completes it, the order is smaller and the stock comes back.
    const smaller = expectStatus(await admin("/admin/order-edits", { order_id: order.id }), 200).order_edit;
    expectStatus(await edit(smaller.id, `/items/${smaller.items[0].id}`, { quantity: 1 }), 200);
    expectStatus(await edit(smaller.id, "/request"), 200);
    const completed = expectStatus(await storeEdit(smaller.id, "/complete"), 200).order_edit;
    expect(completed).toMatchObject({ status: "confirmed", confirmed_at: expect.any(String) });
    expect(completed).not.toHaveProperty("confirmed_by");
    const after = await orderOf(order.id);
    expect(after.items).toMatchObject([{ variant_id: variantA, quantity: 1 }]);
    expect(after.total).toBe(3750);
    expect(await stock(variantA)).toBe(stockA + 1);
  });

  it("keeps what gift cards paid: an unchanged edit of an order paid partly by a card owes nothing, a smaller one is owed back", async () => {
    const card = expectStatus(await admin("/admin/gift-cards", { value: 1000, region_id: region.id }), 200).gift_card;
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: variantA, quantity: 2 }] });
    expectStatus(await store.request(`/store/carts/${cart.id}`, { body: { gift_cards: [{ code: card.code }] } }), 200);
    const order = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
    // 2 x 2000 + 1000 shipping + 25 % tax = 6250, of which the card paid 1000.
    expect(order).toMatchObject({ gift_card_total: 1000, total: 5250 });
    const created = expectStatus(await admin("/admin/order-edits", { order_id: order.id }), 200).order_edit;
    expect(created).toMatchObject({ gift_card_total: 1000, total: 5250, difference_due: 0 });
    const line = created.items[0];
    const same = expectStatus(await edit(created.id, `/items/${line.id}`, { quantity: 2 }), 200).order_edit;
    expect(same.difference_due).toBe(0);
    const smaller = expectStatus(await edit(created.id, `/items/${line.id}`, { quantity: 1 }), 200).order_edit;
    // One unit less: 2000 + 25 % tax = 2500 less to pay.
    expect(smaller).toMatchObject({ total: 2750, difference_due: -2500 });
    expectStatus(await edit(created.id, "/request"), 200);
    expect(expectStatus(await storeEdit(created.id, "/complete"), 200).order_edit.status).toBe("confirmed");
  });

  it("refuses what cannot be done, coded, and changes nothing", async () => {
    const order = await placeOrder([{ variant_id: variantA, quantity: 2 }]);
    expectCode(await admin("/admin/order-edits", { order_id: "order_nope" }), 404, "order_not_found");
    expectCode(await admin("/admin/order-edits/oe_nope"), 404, "order_edit_not_found");
    expectCode(await admin("/admin/order-edits", { order_id: order.id, extra: 1 }), 400, "invalid_request");
    const fulfilled = expectStatus(await admin(`/admin/orders/${order.id}/fulfillment`, { items: [{ item_id: order.items[0].id, quantity: 1 }] }), 200).order;
    expect(fulfilled.items[0].fulfilled_quantity).toBe(1);

    const draft = expectStatus(await admin("/admin/order-edits", { order_id: order.id }), 200).order_edit;
    const copy = draft.items[0];
    expect(copy.fulfilled_quantity).toBe(1);
    expectCode(await admin(`/admin/order-edits/${draft.id}/items/${copy.id}`, undefined, "DELETE"), 422, "item_fulfilled");
    expectCode(await edit(draft.id, `/items/${copy.id}`, { quantity: 0 }), 400, "invalid_request");
    expectStatus(await edit(draft.id, `/items/${copy.id}`, { quantity: 1 }), 200);
    expectCode(await edit(draft.id, "/items", { variant_id: "variant_nope", quantity: 1 }), 404, "variant_not_found");
    expectCode(await edit(draft.id, "/items", { variant_id: variantC, quantity: 1000 }), 422, "insufficient_inventory");
    expectCode(await edit(draft.id, "/items", { variant_id: variantA, quantity: 1.5 }), 400, "invalid_request");

    // Stock sold elsewhere after the line was added: the confirmation is refused and nothing moves.
    const scarce = await createProduct(store, [{ inventory_quantity: 2, prices: [{ amount: 100, currency_code: "dkk" }] }]);
    const scarceId = scarce.variants[0].id;
    const withScarce = expectStatus(await edit(draft.id, "/items", { variant_id: scarceId, quantity: 2 }), 200).order_edit;
    await placeOrder([{ variant_id: scarceId, quantity: 1 }]);
    const stockA = await stock(variantA);
    expectCode(await edit(draft.id, "/confirm"), 422, "insufficient_inventory");
    expect(await stock(scarceId, scarce.id)).toBe(1);
    expect(await stock(variantA)).toBe(stockA);
    expect((await orderOf(order.id)).items).toMatchObject([{ variant_id: variantA, quantity: 2 }]);
    expect(expectStatus(await admin(`/admin/order-edits/${draft.id}`), 200).order_edit.status).toBe("created");

    // Undo the scarce line and the fulfilled line's change still confirms; a canceled order takes no edit.
    const addScarce = withScarce.changes.find((c: { type: string }) => c.type === "item_add");
    expectStatus(await admin(`/admin/order-edits/${draft.id}/changes/${addScarce.id}`, undefined, "DELETE"), 200);
    expectStatus(await edit(draft.id, "/confirm"), 200);
    expect((await orderOf(order.id)).items).toMatchObject([{ variant_id: variantA, quantity: 1, fulfilled_quantity: 1 }]);
    expect(await stock(variantA)).toBe(stockA + 1);

    const other = await placeOrder([{ variant_id: variantA, quantity: 1 }]);
    expectStatus(await admin(`/admin/orders/${other.id}/cancel`, {}), 200);
    expectCode(await admin("/admin/order-edits", { order_id: other.id }), 422, "order_canceled");
  });

  // A race (tag `race`): on PostgreSQL the ten confirmations run at once and the
  // edit's row lock is what makes one of them apply; on SQLite transactions take
  // turns, so this cannot fail there for want of the lock, only for wrong answers.
  it("applies one of 10 concurrent confirmations, moving stock once (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const order = await placeOrder([{ variant_id: variantA, quantity: 1 }]);
    const limited = await createProduct(store, [{ inventory_quantity: 5, prices: [{ amount: 500, currency_code: "dkk" }] }]);
    const variant = limited.variants[0].id;
    const draft = expectStatus(await admin("/admin/order-edits", { order_id: order.id }), 200).order_edit;
    expectStatus(await edit(draft.id, "/items", { variant_id: variant, quantity: 2 }), 200);
    expectStatus(await edit(draft.id, `/items/${draft.items[0].id}`, { quantity: 3 }), 200);
    const stockA = await stock(variantA);
    await events.drain();
    const before = events.messages.length;

    const results = await Promise.all(Array.from({ length: 10 }, () => edit(draft.id, "/confirm")));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) expectCode(r, 422, "order_edit_confirmed");
    expect(await stock(variant, limited.id)).toBe(3);
    expect(await stock(variantA)).toBe(stockA - 2);
    const after = await orderOf(order.id);
    expect(after.items.map((i: any) => [i.variant_id, i.quantity]).sort()).toEqual([[variantA, 3], [variant, 2]].sort());
    await events.drain();
    expect(events.messages.slice(before).filter((m) => m.name === "order-edit.confirmed")).toHaveLength(1);
  });
});
