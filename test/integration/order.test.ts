import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createProduct,
  createRegion,
  createShippingOption,
  expectStatus,
  readyCart,
  recordEvents,
  stockOf,
} from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("orders on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let option: { id: string };
  let product: Awaited<ReturnType<typeof createProduct>>;

  const admin = (path: string, body?: unknown) => store.admin(path, { method: body === undefined ? "GET" : "POST", body });
  const action = (orderId: string, what: string, body: unknown = {}) => store.admin(`/admin/orders/${orderId}/${what}`, { body });

  /** Places an order of 3 × A and 1 × B. */
  async function placeOrder(items = [{ variant_id: product.variants[0].id, quantity: 3 }, { variant_id: product.variants[1].id, quantity: 1 }]) {
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items });
    return expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
  }

  const lineOf = (order: any, variantId: string) => order.items.find((i: { variant_id: string }) => i.variant_id === variantId);

  beforeAll(async () => {
    store = await startStore(name, "order");
    events = recordEvents(store);
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 1000);
    product = await createProduct(store, [
      { inventory_quantity: 100, prices: [{ amount: 2000, currency_code: "dkk" }] },
      { inventory_quantity: 100, prices: [{ amount: 4000, currency_code: "dkk" }] },
    ]);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("lists and filters orders with pagination, admin only", async () => {
    const first = await placeOrder();
    const second = await placeOrder();
    const list = expectStatus(await admin("/admin/orders"), 200);
    expect(list).toMatchObject({ offset: 0, limit: 50 });
    expect(list.count).toBeGreaterThanOrEqual(2);
    expect(list.orders[0].id).toBe(second.id);
    const page = expectStatus(await admin("/admin/orders?limit=1&offset=1"), 200);
    expect(page.orders).toHaveLength(1);
    expect(page.orders[0].id).toBe(first.id);

    const byEmail = expectStatus(await admin(`/admin/orders?q=${encodeURIComponent(first.email.toUpperCase())}`), 200);
    expect(byEmail.orders.map((o: { id: string }) => o.id)).toEqual([first.id]);
    const byDisplay = expectStatus(await admin(`/admin/orders?q=${second.display_id}`), 200);
    expect(byDisplay.orders.map((o: { id: string }) => o.id)).toContain(second.id);
    expect(expectStatus(await admin("/admin/orders?status[]=pending&payment_status=awaiting"), 200).count).toBeGreaterThanOrEqual(2);
    expect(expectStatus(await admin("/admin/orders?status=canceled"), 200).count).toBe(0);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(expectStatus(await admin(`/admin/orders?created_at[gte]=${future}`), 200).count).toBe(0);
    expect(expectStatus(await admin(`/admin/orders?created_at[lt]=${future}&region_id=${region.id}`), 200).count).toBeGreaterThanOrEqual(2);
    expect(expectStatus(await admin("/admin/orders?order=display_id"), 200).orders[0].display_id).toBeLessThan(second.display_id);

    expect(expectStatus(await admin("/admin/orders?status=lost"), 400)).toMatchObject({ type: "invalid_data" });
    expectStatus(await admin("/admin/orders?created_at[gte]=yesterday"), 400);
    expectStatus(await admin("/admin/orders?limit=0"), 400);
    expect(expectStatus(await admin(`/admin/orders/${first.id}`), 200).order).toMatchObject({ id: first.id, total: first.total });
    expect(expectStatus(await admin("/admin/orders/order_nope"), 404)).toMatchObject({ code: "order_not_found" });
    expectStatus(await store.request("/admin/orders"), 401);
    expectStatus(await store.request(`/admin/orders/${first.id}/capture`, { method: "POST" }), 401);
  });

  it("captures, fulfills, ships and refunds, never beyond what was ordered or paid", async () => {
    const order = await placeOrder();
    const [a, b] = product.variants;
    // 3 × 2000 + 4000 = 10000, shipping 1000, tax 25 % = 2750.
    expect(order).toMatchObject({ subtotal: 10000, shipping_total: 1000, tax_total: 2750, total: 13750 });

    const captured = expectStatus(await action(order.id, "capture"), 200).order;
    expect(captured).toMatchObject({ payment_status: "captured", paid_total: 13750, refundable_amount: 13750 });
    expect(captured.payments[0].captured_at).not.toBeNull();
    expect(expectStatus(await action(order.id, "capture"), 422)).toMatchObject({ code: "nothing_to_capture" });

    const lineA = lineOf(order, a.id);
    const lineB = lineOf(order, b.id);
    expect(expectStatus(await action(order.id, "fulfillment", { items: [{ item_id: lineA.id, quantity: 4 }] }), 422)).toMatchObject({
      code: "quantity_exceeds_unfulfilled",
    });
    expect(expectStatus(await action(order.id, "fulfillment", { items: [{ item_id: "item_nope", quantity: 1 }] }), 400)).toMatchObject({
      code: "invalid_item",
    });
    for (const items of [[], [{ item_id: lineA.id, quantity: 0 }], [{ item_id: lineA.id, quantity: 1.5 }]]) {
      expectStatus(await action(order.id, "fulfillment", { items }), 400);
    }
    let current = expectStatus(await action(order.id, "fulfillment", { items: [{ item_id: lineA.id, quantity: 2 }] }), 200).order;
    expect(current.fulfillment_status).toBe("partially_fulfilled");
    expect(lineOf(current, a.id).fulfilled_quantity).toBe(2);
    const firstFulfillment = current.fulfillments[0];
    expect(firstFulfillment).toMatchObject({ provider_id: "manual", shipped_at: null, items: [{ item_id: lineA.id, quantity: 2 }] });
    expect(firstFulfillment.id).toMatch(/^ful_/);
    // Two fulfillments in one request may not add up past the line either.
    expectStatus(await action(order.id, "fulfillment", { items: [{ item_id: lineA.id, quantity: 2 }] }), 422);
    current = expectStatus(
      await action(order.id, "fulfillment", { items: [{ item_id: lineA.id, quantity: 1 }, { item_id: lineB.id, quantity: 1 }] }),
      200,
    ).order;
    expect(current.fulfillment_status).toBe("fulfilled");
    expectStatus(await action(order.id, "fulfillment", { items: [{ item_id: lineB.id, quantity: 1 }] }), 422);

    current = expectStatus(await action(order.id, "shipment", { fulfillment_id: firstFulfillment.id, tracking_numbers: ["TRACK-1"] }), 200).order;
    expect(current.fulfillment_status).toBe("partially_shipped");
    const shipped = current.fulfillments.find((f: { id: string }) => f.id === firstFulfillment.id);
    expect(shipped.shipped_at).not.toBeNull();
    expect(shipped.tracking_links).toEqual([{ tracking_number: "TRACK-1", url: null }]);
    expect(expectStatus(await action(order.id, "shipment", { fulfillment_id: firstFulfillment.id }), 422)).toMatchObject({
      code: "fulfillment_shipped",
    });
    expectStatus(await action(order.id, "shipment", { fulfillment_id: "ful_nope" }), 404);
    const secondFulfillment = current.fulfillments.find((f: { id: string }) => f.id !== firstFulfillment.id);
    current = expectStatus(await action(order.id, "shipment", { fulfillment_id: secondFulfillment.id }), 200).order;
    expect(current.fulfillment_status).toBe("shipped");
    expect(expectStatus(await action(order.id, "cancel"), 422)).toMatchObject({ code: "order_has_fulfillments" });

    for (const body of [{ amount: 0, reason: "other" }, { amount: 10, reason: "because" }, { amount: 10.5, reason: "other" }]) {
      expectStatus(await action(order.id, "refund", body), 400);
    }
    expect(expectStatus(await action(order.id, "refund", { amount: 13751, reason: "other" }), 400)).toMatchObject({
      code: "refund_exceeds_captured",
    });
    current = expectStatus(await action(order.id, "refund", { amount: 3750, reason: "discount", note: "goodwill" }), 200).order;
    expect(current).toMatchObject({ payment_status: "partially_refunded", refunded_total: 3750, refundable_amount: 10000 });
    expect(current.refunds[0]).toMatchObject({ amount: 3750, reason: "discount", note: "goodwill" });
    expect(current.refunds[0].id).toMatch(/^ref_/);
    current = expectStatus(await action(order.id, "refund", { amount: 10000, reason: "return" }), 200).order;
    expect(current).toMatchObject({ payment_status: "refunded", refundable_amount: 0 });
    // A refunded payment has nowhere to go (the payment status table): a refused transition, not a bad amount.
    expect(expectStatus(await action(order.id, "refund", { amount: 1, reason: "other" }), 422)).toMatchObject({ code: "order_not_refundable" });

    current = expectStatus(await action(order.id, "complete"), 200).order;
    expect(current.status).toBe("completed");
    expect(expectStatus(await action(order.id, "cancel"), 422)).toMatchObject({ type: "unprocessable" });
    expect(expectStatus(await action(order.id, "archive"), 200).order.status).toBe("archived");

    await events.drain();
    const raised = events.messages.filter((m) => m.data?.id === order.id).map((m) => m.name);
    expect(raised).toEqual(
      expect.arrayContaining([
        "order.placed",
        "order.payment_captured",
        "order.fulfillment_created",
        "order.shipment_created",
        "order.refund_created",
        "order.completed",
        "order.archived",
      ]),
    );
  });

  it("cancels an order: stock comes back, payments are canceled, and nothing more can happen to it", async () => {
    const [a, b] = product.variants;
    const before = [await stockOf(store, product.id, a.id), await stockOf(store, product.id, b.id)];
    const order = await placeOrder();
    expect(await stockOf(store, product.id, a.id)).toBe(before[0] - 3);
    // A fulfillment that is canceled again does not block the order's cancellation.
    const lineA = lineOf(order, a.id);
    const fulfilled = expectStatus(await action(order.id, "fulfillment", { items: [{ item_id: lineA.id, quantity: 1 }] }), 200).order;
    const fulfillmentId = fulfilled.fulfillments[0].id;
    expect(expectStatus(await action(order.id, "cancel"), 422)).toMatchObject({ code: "order_has_fulfillments" });
    const unfulfilled = expectStatus(await action(order.id, `fulfillments/${fulfillmentId}/cancel`), 200).order;
    expect(unfulfilled.fulfillment_status).toBe("not_fulfilled");
    expect(lineOf(unfulfilled, a.id).fulfilled_quantity).toBe(0);
    expectStatus(await action(order.id, `fulfillments/${fulfillmentId}/cancel`), 422);

    const canceled = expectStatus(await action(order.id, "cancel"), 200).order;
    expect(canceled).toMatchObject({ status: "canceled", payment_status: "canceled", fulfillment_status: "canceled" });
    expect(canceled.canceled_at).not.toBeNull();
    expect(canceled.payments[0].canceled_at).not.toBeNull();
    expect(await stockOf(store, product.id, a.id)).toBe(before[0]);
    expect(await stockOf(store, product.id, b.id)).toBe(before[1]);

    for (const [what, body] of [
      ["cancel", {}],
      ["capture", {}],
      ["fulfillment", { items: [{ item_id: lineA.id, quantity: 1 }] }],
      ["complete", {}],
    ] as const) {
      expect(expectStatus(await action(order.id, what, body), 422), what).toMatchObject({ code: "order_canceled" });
    }
    // Canceling twice never gives the stock back twice.
    expect(await stockOf(store, product.id, a.id)).toBe(before[0]);
    expect(expectStatus(await action(order.id, "refund", { amount: 1, reason: "other" }), 422)).toMatchObject({ code: "order_canceled" });
    await events.drain();
    expect(events.messages.some((m) => m.name === "order.canceled" && m.data.id === order.id)).toBe(true);
    expect(expectStatus(await action(order.id, "archive"), 200).order.status).toBe("archived");
    expectStatus(await action("order_nope", "cancel"), 404);
    expectStatus(await action(order.id, "cancel", { reason: "x" }), 400);
  });

  it("updates an order's email, addresses and metadata, and refuses a canceled or archived one", async () => {
    const order = await placeOrder();
    const update = (body: unknown) => store.admin(`/admin/orders/${order.id}`, { body });
    expectStatus(await update({ metadata: { source: "phone", gift: true } }), 200);
    const updated = expectStatus(
      await update({
        email: "New@Kiosk.Test",
        shipping_address: { address_1: "Nørregade 1", city: "København", country_code: "DK", postal_code: "1165" },
        billing_address: { first_name: "Bo", company: null },
        metadata: { gift: "", note: "leave at door" },
        no_notification: true,
      }),
      200,
    ).order;
    expect(updated).toMatchObject({
      id: order.id,
      email: "new@kiosk.test",
      no_notification: true,
      metadata: { source: "phone", note: "leave at door" },
    });
    expect(updated.metadata).not.toHaveProperty("gift");
    expect(updated.shipping_address).toMatchObject({ address_1: "Nørregade 1", city: "København", country_code: "dk", postal_code: "1165" });
    expect(updated.billing_address).toMatchObject({ first_name: "Bo", company: null });
    // Fields left out of an address are kept, and so is its id.
    const again = expectStatus(await update({ shipping_address: { phone: "+45 1234" } }), 200).order;
    expect(again.shipping_address).toMatchObject({ id: updated.shipping_address.id, address_1: "Nørregade 1", phone: "+45 1234" });
    expect(expectStatus(await admin(`/admin/orders/${order.id}`), 200).order).toMatchObject({ email: "new@kiosk.test" });
    await events.drain();
    expect(events.messages.filter((m) => m.name === "order.updated" && m.data.id === order.id)).toHaveLength(3);

    // Bad input is a 400 and changes nothing.
    for (const body of [
      { shipping_address: { street: "Main 1" } },
      { shipping_address: { country_code: "denmark" } },
      { email: "not-an-email" },
      { status: "completed" },
    ]) {
      expect(expectStatus(await update(body), 400), JSON.stringify(body)).toMatchObject({ type: "invalid_data" });
    }
    expect(expectStatus(await update({ shipping_address: { country_code: "se" } }), 400)).toMatchObject({ code: "country_not_in_region" });
    expect(expectStatus(await admin(`/admin/orders/${order.id}`), 200).order).toMatchObject({
      email: "new@kiosk.test",
      shipping_address: { country_code: "dk", phone: "+45 1234" },
    });
    expectStatus(await store.admin("/admin/orders/order_nope", { body: { email: "a@kiosk.test" } }), 404);
    expectStatus(await store.request(`/admin/orders/${order.id}`, { body: { email: "a@kiosk.test" } }), 401);

    expectStatus(await action(order.id, "cancel"), 200);
    expect(expectStatus(await update({ email: "late@kiosk.test" }), 422)).toMatchObject({ code: "order_canceled" });
    expectStatus(await action(order.id, "archive"), 200);
    expect(expectStatus(await update({ metadata: { x: 1 } }), 422)).toMatchObject({ code: "order_archived" });
    expect(expectStatus(await admin(`/admin/orders/${order.id}`), 200).order.email).toBe("new@kiosk.test");
  });
});
