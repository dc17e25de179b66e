import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, recordEvents, stockOf, untilDone, watchRefunds } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

type Res = { status: number; body: any };

describe.each(DATABASES)("returns on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let option: { id: string };
  let returnOption: { id: string };
  let product: Awaited<ReturnType<typeof createProduct>>;
  let reason: { id: string };
  let refunds: ReturnType<typeof watchRefunds>;

  const action = (orderId: string, what: string, body: unknown = {}): Promise<Res> => store.admin(`/admin/orders/${orderId}/${what}`, { body });
  const getOrder = async (id: string) => expectStatus(await store.admin(`/admin/orders/${id}`), 200).order;
  const storeReturn = (body: unknown) => store.request("/store/returns", { body });
  const receive = (returnId: string, body: unknown) => store.admin(`/admin/returns/${returnId}/receive`, { body });

  /** An order of 3 × A (2000) and 1 × B (4000): 10000 + 1000 shipping + 25 % tax = 13750; A's line is 7500, B's 5000. */
  async function placeOrder() {
    const items = [
      { variant_id: product.variants[0].id, quantity: 3 },
      { variant_id: product.variants[1].id, quantity: 1 },
    ];
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items });
    return expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
  }

  /** A captured order with every unit fulfilled and shipped. */
  async function shippedOrder() {
    const order = await placeOrder();
    expectStatus(await action(order.id, "capture"), 200);
    const items = order.items.map((i: any) => ({ item_id: i.id, quantity: i.quantity }));
    const fulfilled = expectStatus(await action(order.id, "fulfillment", { items }), 200).order;
    const shipped = expectStatus(await action(order.id, "shipment", { fulfillment_id: fulfilled.fulfillments[0].id }), 200).order;
    expect(shipped).toMatchObject({ fulfillment_status: "shipped", payment_status: "captured", paid_total: 13750 });
    return { order: shipped, a: shipped.items.find((i: any) => i.variant_id === product.variants[0].id), b: shipped.items.find((i: any) => i.variant_id === product.variants[1].id) };
  }

  beforeAll(async () => {
    store = await startStore(name, "returns");
    events = recordEvents(store);
    refunds = watchRefunds(store);
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 1000);
    returnOption = await createShippingOption(store, region.id, 500, { is_return: true });
    product = await createProduct(store, [
      { inventory_quantity: 1000, prices: [{ amount: 2000, currency_code: "dkk" }] },
      { inventory_quantity: 1000, prices: [{ amount: 4000, currency_code: "dkk" }] },
    ]);
    reason = expectStatus(await store.admin("/admin/return-reasons", { body: { value: "too_small", label: "Too small" } }), 200).return_reason;
  });

  afterAll(async () => {
    expect(refunds?.inTransaction ?? 0, "the payment provider was called inside a transaction").toBe(0);
    await store?.close();
  });

  it("runs the whole flow: a customer's return, the admin's receipt, stock back, the refund paid, the statuses moved", async () => {
    const [variantA, variantB] = product.variants;
    const { order, a, b } = await shippedOrder();
    expect(order.returns).toEqual([]);
    expect(order.returnable_items.map((i: any) => [i.id, i.returnable_quantity])).toEqual([
      [a.id, 3],
      [b.id, 1],
    ]);
    const stockA = await stockOf(store, product.id, variantA.id);

    const requested = expectStatus(
      await storeReturn({
        order_id: order.id,
        items: [{ item_id: a.id, quantity: 2, reason_id: reason.id, note: "Too small" }],
        return_shipping: { option_id: returnOption.id },
      }),
      200,
    ).return;
    // 2 of A's 3 units: 5000 of its 7500, less the return shipping.
    expect(requested).toMatchObject({
      object: "return",
      status: "requested",
      order_id: order.id,
      refund_amount: 4500,
      received_at: null,
      shipping_method: { shipping_option_id: returnOption.id, price: 500 },
      items: [{ item_id: a.id, quantity: 2, requested_quantity: 2, received_quantity: null, is_requested: true, note: "Too small", reason: { id: reason.id } }],
    });
    await events.drain();
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "order.return_requested", data: { id: order.id, return_id: requested.id, no_notification: false } }));

    // The order shows the return, and the units it holds are no longer returnable.
    const withReturn = expectStatus(await store.request(`/store/orders/${order.id}`), 200).order;
    expect(withReturn.returns.map((r: any) => [r.id, r.status])).toEqual([[requested.id, "requested"]]);
    expect(withReturn.returnable_items.map((i: any) => [i.id, i.returnable_quantity])).toEqual([
      [a.id, 1],
      [b.id, 1],
    ]);
    expect(await stockOf(store, product.id, variantA.id)).toBe(stockA);

    const received = expectStatus(await receive(requested.id, { items: [{ item_id: a.id, quantity: 2 }] }), 200).return;
    expect(received).toMatchObject({ status: "received", refund_amount: 4500, received_at: expect.any(String), items: [{ item_id: a.id, received_quantity: 2 }] });
    expect(await stockOf(store, product.id, variantA.id)).toBe(stockA + 2);
    const after = await getOrder(order.id);
    expect(after).toMatchObject({ fulfillment_status: "partially_returned", payment_status: "partially_refunded", refunded_total: 4500, refundable_amount: 9250 });
    expect(after.refunds.map((r: any) => [r.amount, r.reason])).toEqual([[4500, "return"]]);
    expect(after.items.find((i: any) => i.id === a.id).returned_quantity).toBe(2);
    expect(after.returnable_items.map((i: any) => [i.id, i.returnable_quantity])).toEqual([
      [a.id, 1],
      [b.id, 1],
    ]);
    await events.drain();
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "order.items_returned", data: { id: order.id, return_id: requested.id, no_notification: false } }));
    expect(events.names).toContain("order.refund_created");

    // A received return is received once and cannot be canceled.
    expect(expectStatus(await receive(requested.id, { items: [{ item_id: a.id, quantity: 2 }] }), 422).code).toBe("return_received");
    expect(expectStatus(await store.admin(`/admin/returns/${requested.id}/cancel`, { body: {} }), 422).code).toBe("return_received");
    expect(await stockOf(store, product.id, variantA.id)).toBe(stockA + 2);

    // The admin returns the rest and receives it at once: every unit is back.
    const stockB = await stockOf(store, product.id, variantB.id);
    const done = expectStatus(
      await action(order.id, "return", {
        items: [
          { item_id: a.id, quantity: 1 },
          { item_id: b.id, quantity: 1 },
        ],
        receive_now: true,
      }),
      200,
    ).order;
    expect(done).toMatchObject({ fulfillment_status: "returned", payment_status: "partially_refunded", refunded_total: 12000, refundable_amount: 1750 });
    expect(done.returns.map((r: any) => [r.status, r.refund_amount])).toEqual([
      ["received", 4500],
      ["received", 7500],
    ]);
    expect(done.returnable_items).toEqual([]);
    expect(await stockOf(store, product.id, variantA.id)).toBe(stockA + 3);
    expect(await stockOf(store, product.id, variantB.id)).toBe(stockB + 1);

    const list = expectStatus(await store.admin(`/admin/returns?order_id=${order.id}`), 200);
    expect(list).toMatchObject({ count: 2, offset: 0, limit: 50 });
    expect(list.returns.map((r: any) => r.id)).toEqual([done.returns[1].id, requested.id]);
  });

  it("refuses what cannot be returned, with a code, and changes nothing", async () => {
    const placed = await placeOrder();
    const line = placed.items[0];
    // Nothing shipped yet: nothing is returnable.
    expect(expectStatus(await storeReturn({ order_id: placed.id, items: [{ item_id: line.id, quantity: 1 }] }), 422).code).toBe("quantity_exceeds_returnable");

    const { order, a, b } = await shippedOrder();
    const cases: [unknown, number, string][] = [
      [{ order_id: order.id, items: [{ item_id: a.id, quantity: 4 }] }, 422, "quantity_exceeds_returnable"],
      [{ order_id: order.id, items: [{ item_id: line.id, quantity: 1 }] }, 400, "invalid_item"],
      [{ order_id: order.id, items: [{ item_id: a.id, quantity: 1 }, { item_id: a.id, quantity: 1 }] }, 400, "invalid_data"],
      [{ order_id: order.id, items: [{ item_id: a.id, quantity: 1, reason_id: "rr_nope" }] }, 400, "invalid_return_reason"],
      [{ order_id: order.id, items: [{ item_id: a.id, quantity: 1 }], return_shipping: { option_id: option.id } }, 400, "invalid_shipping_option"],
      [{ order_id: "order_nope", items: [{ item_id: a.id, quantity: 1 }] }, 404, "order_not_found"],
      [{ order_id: order.id, items: [] }, 400, "invalid_request"],
      [{ order_id: order.id, items: [{ item_id: a.id, quantity: 1 }], refund: 5 }, 400, "invalid_request"],
    ];
    for (const [body, status, code] of cases) expect(expectStatus(await storeReturn(body), status).code, JSON.stringify(body)).toBe(code);
    expect((await getOrder(order.id)).returns).toEqual([]);

    // A requested return holds its units; receiving checks what came against what was asked.
    const requested = expectStatus(await storeReturn({ order_id: order.id, items: [{ item_id: a.id, quantity: 3 }] }), 200).return;
    expect(expectStatus(await storeReturn({ order_id: order.id, items: [{ item_id: a.id, quantity: 1 }] }), 422).code).toBe("quantity_exceeds_returnable");
    expect(expectStatus(await receive(requested.id, { items: [{ item_id: a.id, quantity: 4 }] }), 422).code).toBe("quantity_exceeds_requested");
    expect(expectStatus(await receive(requested.id, { items: [{ item_id: b.id, quantity: 1 }] }), 400).code).toBe("invalid_item");
    expect(expectStatus(await receive("ret_nope", { items: [{ item_id: a.id, quantity: 1 }] }), 404).code).toBe("return_not_found");
    expect(expectStatus(await store.admin(`/admin/orders/${order.id}/returns/ret_nope/receive`, { body: { items: [{ item_id: a.id, quantity: 1 }] } }), 404).code).toBe(
      "return_not_found",
    );
    const unchanged = await getOrder(order.id);
    expect(unchanged).toMatchObject({ fulfillment_status: "shipped", payment_status: "captured", refunded_total: 0 });
    expect(unchanged.returns.map((r: any) => r.status)).toEqual(["requested"]);

    // Canceling gives the units back to be returned; a canceled return is never received.
    const canceled = expectStatus(await store.admin(`/admin/returns/${requested.id}/cancel`, { body: {} }), 200).order;
    expect(canceled.returns.map((r: any) => r.status)).toEqual(["canceled"]);
    expect(canceled.returnable_items.map((i: any) => i.returnable_quantity)).toEqual([3, 1]);
    expect(expectStatus(await receive(requested.id, { items: [{ item_id: a.id, quantity: 1 }] }), 422).code).toBe("return_canceled");
    expect(expectStatus(await store.admin(`/admin/returns/${requested.id}/cancel`, { body: {} }), 422).code).toBe("return_canceled");
    await events.drain();
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "return.canceled", data: { id: requested.id, order_id: order.id } }));

    // A canceled order takes no return.
    const other = await placeOrder();
    expectStatus(await action(other.id, "cancel"), 200);
    expect(expectStatus(await storeReturn({ order_id: other.id, items: [{ item_id: other.items[0].id, quantity: 1 }] }), 422).code).toBe("order_canceled");
  });

  it("receives fewer units than asked, takes the admin's refund capped by what is left, and answers the older receive path", async () => {
    const { order, a, b } = await shippedOrder();
    expectStatus(await action(order.id, "refund", { amount: 13000, reason: "other" }), 200);
    const requested = expectStatus(
      await storeReturn({
        order_id: order.id,
        items: [
          { item_id: a.id, quantity: 2 },
          { item_id: b.id, quantity: 1 },
        ],
      }),
      200,
    ).return;
    const stockA = await stockOf(store, product.id, product.variants[0].id);
    const path = `/admin/orders/${order.id}/returns/${requested.id}/receive`;
    const after = expectStatus(await store.admin(path, { body: { items: [{ item_id: a.id, quantity: 1 }], refund: 5000 } }), 200).order;
    // 5000 asked, 750 left to refund.
    expect(after).toMatchObject({ payment_status: "refunded", refunded_total: 13750, refundable_amount: 0, fulfillment_status: "partially_returned" });
    const ret = after.returns.find((r: any) => r.id === requested.id);
    expect(ret).toMatchObject({ status: "received", refund_amount: 750 });
    const counts = (id: string) => ret.items.filter((i: any) => i.item_id === id).map((i: any) => [i.quantity, i.received_quantity]);
    expect([counts(a.id), counts(b.id)]).toEqual([[[2, 1]], [[1, 0]]]);
    expect(after.items.map((i: any) => i.returned_quantity)).toEqual([1, 0]);
    expect(await stockOf(store, product.id, product.variants[0].id)).toBe(stockA + 1);
    // What did not come back is returnable again; with nothing left to refund a receipt refunds 0.
    expect(after.returnable_items.map((i: any) => i.returnable_quantity)).toEqual([2, 1]);
    const last = expectStatus(await storeReturn({ order_id: order.id, items: [{ item_id: b.id, quantity: 1 }] }), 200).return;
    expect(expectStatus(await receive(last.id, { items: [{ item_id: b.id, quantity: 1 }] }), 200).return).toMatchObject({ status: "received", refund_amount: 0 });
  });

  it("takes the admin's return shipping price, refund and no_notification, and waits its turn behind another order action", async () => {
    const { order, a } = await shippedOrder();
    const body = {
      items: [{ item_id: a.id, quantity: 1, reason_id: reason.id }],
      return_shipping: { option_id: returnOption.id, price: 200 },
      note: "Seen by the warehouse",
      no_notification: true,
    };
    const requested = expectStatus(await action(order.id, "return", body), 200).order.returns[0];
    // One of A's units: 2500, less the admin's 200 for shipping.
    expect(requested).toMatchObject({ status: "requested", refund_amount: 2300, no_notification: true, shipping_method: { price: 200 } });
    expect(requested.items[0]).toMatchObject({ note: "Seen by the warehouse", reason_id: reason.id });
    await events.drain();
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "order.return_requested", data: { id: order.id, return_id: requested.id, no_notification: true } }));

    // While another action holds the order, a return is neither requested, received nor canceled.
    const dataSource = store.server.kernel.container.resolve<any>("dataSource");
    const now = new Date();
    await dataSource.getRepository("OrderAction").insert({ id: `oact_busy_${Date.now()}`, order_id: order.id, action: "refund", data: {}, created_at: now, updated_at: now });
    expect(expectStatus(await storeReturn({ order_id: order.id, items: [{ item_id: a.id, quantity: 1 }] }), 409).code).toBe("order_action_in_progress");
    expect(expectStatus(await receive(requested.id, { items: [{ item_id: a.id, quantity: 1 }] }), 409).code).toBe("order_action_in_progress");
    expect(expectStatus(await store.admin(`/admin/returns/${requested.id}/cancel`, { body: {} }), 409).code).toBe("order_action_in_progress");
    await dataSource.getRepository("OrderAction").delete({ order_id: order.id });

    const done = expectStatus(await action(order.id, "return", { items: [{ item_id: a.id, quantity: 2 }], receive_now: true, refund: 1234 }), 200).order;
    expect(done.returns.map((r: any) => [r.status, r.refund_amount])).toEqual([
      ["requested", 2300],
      ["received", 1234],
    ]);
    expect(done).toMatchObject({ refunded_total: 1234, payment_status: "partially_refunded", fulfillment_status: "partially_returned" });
  });

  it("receives one return once under 10 concurrent receipts: stock back once, one refund (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite transactions take turns, so this cannot fail there for want of the guard;
    // on PostgreSQL the order's row lock and claim, and the return's conditional UPDATE, prove it.
    const { order, a, b } = await shippedOrder();
    const items = [
      { item_id: a.id, quantity: 3 },
      { item_id: b.id, quantity: 1 },
    ];
    const requested = expectStatus(await storeReturn({ order_id: order.id, items }), 200).return;
    const stock = [await stockOf(store, product.id, product.variants[0].id), await stockOf(store, product.id, product.variants[1].id)];
    const calls = refunds.calls;
    const results = await Promise.all(Array.from({ length: 10 }, () => receive(requested.id, { items })));
    for (const res of results) {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      if (res.status !== 200) expect(["order_action_in_progress", "return_received"]).toContain(res.body.code);
    }
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(refunds.calls - calls).toBe(1);
    expect(await stockOf(store, product.id, product.variants[0].id)).toBe(stock[0] + 3);
    expect(await stockOf(store, product.id, product.variants[1].id)).toBe(stock[1] + 1);
    const after = await getOrder(order.id);
    // Every line back: 12500 of the lines' 12500 (shipping stays paid).
    expect(after).toMatchObject({ fulfillment_status: "returned", refunded_total: 12500, refundable_amount: 1250 });
    expect(after.refunds).toHaveLength(1);
    expect(after.items.map((i: any) => i.returned_quantity)).toEqual([3, 1]);
  });

  it("never refunds more than was paid under 10 concurrent manual refunds and return receipts (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite transactions take turns, so this cannot fail there for want of the guard;
    // on PostgreSQL only the order's claim makes the refunds take turns.
    const { order, a, b } = await shippedOrder();
    const returns: any[] = [];
    for (const item of [
      { item_id: a.id, quantity: 1 },
      { item_id: a.id, quantity: 2 },
      { item_id: b.id, quantity: 1 },
    ]) {
      returns.push(expectStatus(await storeReturn({ order_id: order.id, items: [item] }), 200).return);
    }
    const sends = [
      ...returns.map((r) => () => receive(r.id, { items: r.items.map((i: any) => ({ item_id: i.item_id, quantity: i.quantity })) })),
      ...Array.from({ length: 7 }, () => () => action(order.id, "refund", { amount: 3000, reason: "other" })),
    ];
    const results = await Promise.all(sends.map((send) => untilDone(send)));
    for (const res of results) {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      if (res.status !== 200) expect(["refund_exceeds_captured", "order_not_refundable"]).toContain(res.body.code);
    }
    // Every return was received (a receipt's refund is capped, never refused).
    expect(results.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
    const after = await getOrder(order.id);
    const refunded = after.refunds.reduce((sum: number, r: any) => sum + r.amount, 0);
    expect(refunded).toBe(after.refunded_total);
    expect(refunded).toBeLessThanOrEqual(13750);
    expect(after.payments[0].amount_refunded).toBe(refunded);
    expect(after.refundable_amount).toBe(13750 - refunded);
    expect(after.returns.map((r: any) => r.status)).toEqual(["received", "received", "received"]);
    expect(after.returns.reduce((sum: number, r: any) => sum + r.refund_amount, 0)).toBeLessThanOrEqual(refunded);
    expect(after.items.map((i: any) => i.returned_quantity)).toEqual([3, 1]);
  });
});
