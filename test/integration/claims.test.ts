import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, recordEvents, stockOf, untilDone, watchRefunds } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

type Res = { status: number; body: any };

describe.each(DATABASES)("claims on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let option: { id: string };
  let returnOption: { id: string };
  let product: Awaited<ReturnType<typeof createProduct>>;
  let scarce: Awaited<ReturnType<typeof createProduct>>;
  let refunds: ReturnType<typeof watchRefunds>;

  const action = (orderId: string, what: string, body: unknown = {}): Promise<Res> => store.admin(`/admin/orders/${orderId}/${what}`, { body });
  const getOrder = async (id: string) => expectStatus(await store.admin(`/admin/orders/${id}`), 200).order;
  const claim = (orderId: string, body: unknown) => action(orderId, "claims", body);
  const stockA = () => stockOf(store, product.id, product.variants[0].id);
  const stockB = () => stockOf(store, product.id, product.variants[1].id);

  /** A captured order of 3 × A (2000) and 1 × B (4000), every unit shipped: 13750 paid; A's line is 7500, B's 5000. */
  async function shippedOrder() {
    const items = [
      { variant_id: product.variants[0].id, quantity: 3 },
      { variant_id: product.variants[1].id, quantity: 1 },
    ];
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items });
    const order = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
    expectStatus(await action(order.id, "capture"), 200);
    const all = order.items.map((i: any) => ({ item_id: i.id, quantity: i.quantity }));
    const fulfilled = expectStatus(await action(order.id, "fulfillment", { items: all }), 200).order;
    const shipped = expectStatus(await action(order.id, "shipment", { fulfillment_id: fulfilled.fulfillments[0].id }), 200).order;
    expect(shipped).toMatchObject({ fulfillment_status: "shipped", payment_status: "captured", paid_total: 13750 });
    const line = (i: number) => shipped.items.find((l: any) => l.variant_id === product.variants[i].id);
    return { order: shipped, a: line(0), b: line(1) };
  }

  beforeAll(async () => {
    store = await startStore(name, "claims");
    events = recordEvents(store);
    refunds = watchRefunds(store);
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 1000);
    returnOption = await createShippingOption(store, region.id, 500, { is_return: true });
    product = await createProduct(store, [
      { inventory_quantity: 1000, prices: [{ amount: 2000, currency_code: "dkk" }] },
      { inventory_quantity: 1000, prices: [{ amount: 4000, currency_code: "dkk" }] },
    ]);
    scarce = await createProduct(store, [{ inventory_quantity: 1, prices: [{ amount: 900, currency_code: "dkk" }] }]);
  });

  afterAll(async () => {
    expect(refunds?.inTransaction ?? 0, "the payment provider was called inside a transaction").toBe(0);
    await store?.close();
  });

  it("refunds a refund claim at once, through the payment provider, and shows it on the order", async () => {
    const { order, a } = await shippedOrder();
    expect(order.claims).toEqual([]);
    const calls = refunds.calls;
    const after = expectStatus(
      await claim(order.id, {
        type: "refund",
        claim_items: [{ item_id: a.id, quantity: 1, reason: "production_failure", note: "Cracked", tags: ["broken"], images: ["https://img.test/1.jpg"] }],
      }),
      200,
    ).order;
    expect(refunds.calls - calls).toBe(1);
    // One of A's 3 units: 2500 of its 7500.
    expect(after).toMatchObject({ payment_status: "partially_refunded", refunded_total: 2500, refundable_amount: 11250 });
    expect(after.refunds.map((r: any) => [r.amount, r.reason])).toEqual([[2500, "claim"]]);
    expect(after.claims).toHaveLength(1);
    const made = after.claims[0];
    expect(made).toMatchObject({
      type: "refund",
      payment_status: "refunded",
      fulfillment_status: "not_fulfilled",
      order_id: order.id,
      refund_amount: 2500,
      return_id: null,
      canceled_at: null,
      additional_items: [],
      claim_items: [
        {
          item_id: a.id,
          variant_id: product.variants[0].id,
          quantity: 1,
          reason: "production_failure",
          note: "Cracked",
          tags: [{ value: "broken" }],
          images: [{ url: "https://img.test/1.jpg" }],
        },
      ],
    });
    await events.drain();
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "claim.created", data: { id: made.id, order_id: order.id, no_notification: false } }));
    expect(events.messages).toContainEqual(
      expect.objectContaining({ name: "claim.refund_processed", data: { id: made.id, order_id: order.id, refund_id: after.refunds[0].id, no_notification: false } }),
    );
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "order.refund_created", data: { id: order.id, refund_id: after.refunds[0].id } }));
    // The store's order shows it too.
    expect(expectStatus(await store.request(`/store/orders/${order.id}`), 200).order.claims.map((c: any) => c.id)).toEqual([made.id]);

    // A claim that refunded cannot be canceled; the admin's amount is paid as given, never past what is left.
    expect(expectStatus(await action(order.id, `claims/${made.id}/cancel`), 422).code).toBe("claim_refunded");
    const exceeding = await claim(order.id, { type: "refund", claim_items: [{ item_id: a.id, quantity: 1 }], refund_amount: 11251 });
    expect(expectStatus(exceeding, 400).code).toBe("refund_exceeds_captured");
    const given = expectStatus(await claim(order.id, { type: "refund", claim_items: [{ item_id: a.id, quantity: 1 }], refund_amount: 11250 }), 200).order;
    expect(given).toMatchObject({ payment_status: "refunded", refunded_total: 13750, refundable_amount: 0 });
    expect(given.claims.map((c: any) => c.refund_amount)).toEqual([2500, 11250]);
  });

  it("leaves no claim behind when the payment provider fails its refund: 503, reported, and sent again it is made once", async () => {
    const { order, a } = await shippedOrder();
    const from = events.messages.length;
    refunds.failNext = true;
    const body = { type: "refund", claim_items: [{ item_id: a.id, quantity: 1 }], return_shipping: { option_id: returnOption.id } };
    expect(expectStatus(await claim(order.id, body), 503).code).toBe("payment_provider_unavailable");
    const untouched = await getOrder(order.id);
    expect(untouched).toMatchObject({ claims: [], returns: [], refunds: [], refunded_total: 0, payment_status: "captured" });
    await events.drain();
    const abandoned = events.messages.slice(from).find((m) => m.name === "order.action_abandoned");
    expect(abandoned?.data).toMatchObject({ id: order.id, action: "claim_refund", data: { amount: 2500 }, reason: "payment_provider_unavailable" });
    expect(events.messages.slice(from).map((m) => m.name)).not.toContain("claim.created");
    const made = expectStatus(await claim(order.id, body), 200).order;
    expect(made).toMatchObject({ refunded_total: 2500, claims: [{ refund_amount: 2500, return_id: expect.any(String) }] });
    expect(made.returns).toMatchObject([{ claim_order_id: made.claims[0].id, status: "requested" }]);
  });

  it("sends a replace claim's new items with their stock taken, asks for the claimed units back, and cancels it giving the stock back once", async () => {
    const { order, a, b } = await shippedOrder();
    const [beforeA, beforeB] = [await stockA(), await stockB()];
    const calls = refunds.calls;
    const after = expectStatus(
      await claim(order.id, {
        type: "replace",
        claim_items: [{ item_id: a.id, quantity: 2, reason: "wrong_item" }],
        additional_items: [{ variant_id: product.variants[1].id, quantity: 2 }],
        shipping_methods: [{ option_id: option.id, price: 0 }],
        shipping_address: { first_name: "Ada", address_1: "Street 1", city: "Copenhagen", country_code: "dk", postal_code: "1000" },
        return_shipping: { option_id: returnOption.id },
        no_notification: true,
      }),
      200,
    ).order;
    expect(refunds.calls).toBe(calls);
    expect(after).toMatchObject({ payment_status: "captured", refunded_total: 0 });
    const made = after.claims[0];
    expect(made).toMatchObject({
      type: "replace",
      payment_status: "na",
      refund_amount: null,
      no_notification: true,
      shipping_address: { city: "Copenhagen", country_code: "dk" },
      additional_items: [{ variant_id: product.variants[1].id, quantity: 2, unit_price: 4000, total: 8000, fulfilled_quantity: 0, shipped_quantity: 0 }],
      shipping_methods: [{ shipping_option_id: option.id, price: 0 }],
    });
    expect(await stockB()).toBe(beforeB - 2);
    // The return of the claimed units: the return module's, refunding nothing when it comes.
    expect(made.return_id).toEqual(expect.any(String));
    const ret = after.returns.find((r: any) => r.id === made.return_id);
    expect(ret).toMatchObject({ status: "requested", claim_order_id: made.id, refund_amount: 0, items: [{ item_id: a.id, quantity: 2 }] });
    expect(after.returnable_items.map((i: any) => [i.id, i.returnable_quantity])).toEqual([
      [a.id, 1],
      [b.id, 1],
    ]);

    // Canceling waits for the return to be canceled (Medusa's rule).
    expect(expectStatus(await action(order.id, `claims/${made.id}/cancel`), 422).code).toBe("claim_return_not_canceled");
    expectStatus(await store.admin(`/admin/returns/${made.return_id}/cancel`, { body: {} }), 200);
    const canceled = expectStatus(await action(order.id, `claims/${made.id}/cancel`), 200).order.claims[0];
    expect(canceled).toMatchObject({ canceled_at: expect.any(String), fulfillment_status: "canceled" });
    expect(await stockB()).toBe(beforeB);
    expect(await stockA()).toBe(beforeA);
    expect(expectStatus(await action(order.id, `claims/${made.id}/cancel`), 422).code).toBe("claim_canceled");
    expect(await stockB()).toBe(beforeB);
    expect(expectStatus(await action(order.id, `claims/${made.id}`, { metadata: { a: 1 } }), 422).code).toBe("claim_canceled");
    await events.drain();
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "claim.canceled", data: { id: made.id, order_id: order.id, no_notification: true } }));
    // Its units may be claimed again.
    expectStatus(await claim(order.id, { type: "replace", claim_items: [{ item_id: a.id, quantity: 3 }], additional_items: [{ variant_id: product.variants[0].id, quantity: 3 }] }), 200);
  });

  it("receives a claim's return like any return: stock back, nothing refunded", async () => {
    const { order, a } = await shippedOrder();
    const made = expectStatus(
      await claim(order.id, {
        type: "replace",
        claim_items: [{ item_id: a.id, quantity: 1, reason: "production_failure" }],
        additional_items: [{ variant_id: product.variants[0].id, quantity: 1 }],
        return_shipping: { option_id: returnOption.id, price: 0 },
      }),
      200,
    ).order.claims[0];
    const stock = await stockA();
    const received = expectStatus(await store.admin(`/admin/returns/${made.return_id}/receive`, { body: { items: [{ item_id: a.id, quantity: 1 }] } }), 200).return;
    expect(received).toMatchObject({ status: "received", refund_amount: 0, claim_order_id: made.id });
    expect(await stockA()).toBe(stock + 1);
    expect(await getOrder(order.id)).toMatchObject({ refunded_total: 0, fulfillment_status: "partially_returned" });
  });

  it("fulfils and ships a replace claim's new items with the provider of its shipping method; refused transitions are coded", async () => {
    const { order, a, b } = await shippedOrder();
    const refundClaim = expectStatus(await claim(order.id, { type: "refund", claim_items: [{ item_id: b.id, quantity: 1 }], refund_amount: 0 }), 200).order.claims[0];
    expect(expectStatus(await action(order.id, `claims/${refundClaim.id}/fulfillments`), 422).code).toBe("claim_not_fulfillable");
    const bare = expectStatus(await claim(order.id, { type: "replace", claim_items: [{ item_id: a.id, quantity: 1 }], additional_items: [{ variant_id: product.variants[0].id, quantity: 1 }] }), 200)
      .order.claims[1];
    expect(expectStatus(await action(order.id, `claims/${bare.id}/fulfillments`), 422).code).toBe("claim_shipping_method_missing");
    const body = {
      type: "replace",
      claim_items: [{ item_id: a.id, quantity: 2 }],
      additional_items: [{ variant_id: product.variants[1].id, quantity: 2 }],
      shipping_methods: [{ option_id: option.id, price: 0 }],
    };
    const made = expectStatus(await claim(order.id, body), 200).order.claims[2];
    const path = `claims/${made.id}`;

    const fulfilled = expectStatus(await action(order.id, `${path}/fulfillments`, { metadata: { box: 1 } }), 200).order;
    const first = fulfilled.claims[2];
    expect(first).toMatchObject({
      fulfillment_status: "fulfilled",
      additional_items: [{ fulfilled_quantity: 2, shipped_quantity: 0 }],
      fulfillments: [{ claim_order_id: made.id, provider_id: "manual", shipped_at: null, canceled_at: null, metadata: { box: 1 } }],
    });
    const [{ id: itemId }] = first.additional_items;
    expect(first.fulfillments[0].items).toEqual([{ fulfillment_id: first.fulfillments[0].id, item_id: itemId, quantity: 2 }]);
    // The order's own fulfillments are not the claim's.
    expect(fulfilled).toMatchObject({ fulfillment_status: "shipped" });
    expect(fulfilled.fulfillments).toHaveLength(1);
    expect(expectStatus(await action(order.id, `${path}/fulfillments`), 422).code).toBe("claim_fulfilled");
    expect(expectStatus(await action(order.id, `${path}/cancel`), 422).code).toBe("claim_fulfilled");

    // Canceled before it shipped: it may be fulfilled again.
    const canceled = expectStatus(await action(order.id, `${path}/fulfillments/${first.fulfillments[0].id}/cancel`), 200).order.claims[2];
    expect(canceled).toMatchObject({ fulfillment_status: "canceled", canceled_at: null, additional_items: [{ fulfilled_quantity: 0 }] });
    expect(expectStatus(await action(order.id, `${path}/fulfillments/${first.fulfillments[0].id}/cancel`), 422).code).toBe("fulfillment_canceled");
    expect(expectStatus(await action(order.id, `${path}/shipments`, { fulfillment_id: first.fulfillments[0].id }), 422).code).toBe("fulfillment_canceled");
    const again = expectStatus(await action(order.id, `${path}/fulfillments`), 200).order.claims[2];
    const live = again.fulfillments[1];

    const shipped = expectStatus(await action(order.id, `${path}/shipments`, { fulfillment_id: live.id, tracking_numbers: ["TRK-1"] }), 200).order.claims[2];
    expect(shipped).toMatchObject({
      fulfillment_status: "shipped",
      additional_items: [{ fulfilled_quantity: 2, shipped_quantity: 2 }],
      fulfillments: [{ canceled_at: expect.any(String) }, { shipped_at: expect.any(String), tracking_numbers: ["TRK-1"], tracking_links: [{ tracking_number: "TRK-1", url: null }] }],
    });
    expect(expectStatus(await action(order.id, `${path}/shipments`, { fulfillment_id: live.id }), 422).code).toBe("fulfillment_shipped");
    expect(expectStatus(await action(order.id, `${path}/fulfillments/${live.id}/cancel`), 422).code).toBe("fulfillment_shipped");
    expect(expectStatus(await action(order.id, `${path}/shipments`, { fulfillment_id: "cful_nope" }), 404).code).toBe("fulfillment_not_found");
    expect(expectStatus(await action(order.id, `${path}/cancel`), 422).code).toBe("claim_fulfilled");
    await events.drain();
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "claim.fulfillment_created", data: { id: made.id, fulfillment_id: live.id, no_notification: false } }));
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "claim.shipment_created", data: { id: made.id, fulfillment_id: live.id, no_notification: false } }));
  });

  it("updates a claim: no_notification, metadata merged, its items' notes and reasons", async () => {
    const { order, a } = await shippedOrder();
    const made = expectStatus(await claim(order.id, { type: "refund", claim_items: [{ item_id: a.id, quantity: 1 }], refund_amount: 0, metadata: { a: 1 } }), 200).order.claims[0];
    expect(made).toMatchObject({ refund_amount: 0, payment_status: "refunded", claim_items: [{ reason: "other", note: null }] });
    const updated = expectStatus(
      await action(order.id, `claims/${made.id}`, {
        no_notification: true,
        metadata: { b: 2 },
        claim_items: [{ id: made.claim_items[0].id, note: "Dented", reason: "production_failure", tags: ["dent"] }],
      }),
      200,
    ).order.claims[0];
    expect(updated).toMatchObject({ no_notification: true, metadata: { a: 1, b: 2 }, claim_items: [{ note: "Dented", reason: "production_failure", tags: [{ value: "dent" }] }] });
    await events.drain();
    expect(events.messages).toContainEqual(expect.objectContaining({ name: "claim.updated", data: { id: made.id, order_id: order.id, no_notification: true } }));
    const other = await action(order.id, `claims/${made.id}`, { claim_items: [{ id: "citm_nope", note: "x" }] });
    expect(expectStatus(other, 400).code).toBe("invalid_item");
    // A claim that refunded 0 may be canceled.
    expectStatus(await action(order.id, `claims/${made.id}/cancel`), 200);
  });

  it("refuses what the rules do not allow, coded, and changes nothing", async () => {
    const { order, a, b } = await shippedOrder();
    const cases: [unknown, number, string][] = [
      [{ type: "replace", claim_items: [{ item_id: a.id, quantity: 1 }] }, 400, "invalid_data"],
      [{ type: "replace", claim_items: [{ item_id: a.id, quantity: 1 }], additional_items: [{ variant_id: product.variants[0].id, quantity: 1 }], refund_amount: 5 }, 400, "invalid_data"],
      [{ type: "refund", claim_items: [{ item_id: a.id, quantity: 1 }], additional_items: [{ variant_id: product.variants[0].id, quantity: 1 }] }, 400, "invalid_data"],
      [{ type: "refund", claim_items: [{ item_id: "item_nope", quantity: 1 }] }, 400, "invalid_item"],
      [{ type: "refund", claim_items: [{ item_id: a.id, quantity: 1 }, { item_id: a.id, quantity: 1 }] }, 400, "invalid_data"],
      [{ type: "refund", claim_items: [{ item_id: a.id, quantity: 4 }] }, 422, "quantity_exceeds_claimable"],
      [{ type: "refund", claim_items: [{ item_id: a.id, quantity: 1, reason: "bored" }] }, 400, "invalid_request"],
      [{ type: "swap", claim_items: [{ item_id: a.id, quantity: 1 }] }, 400, "invalid_request"],
      [{ type: "replace", claim_items: [{ item_id: b.id, quantity: 1 }], additional_items: [{ variant_id: "variant_nope", quantity: 1 }] }, 400, "invalid_variant"],
      [{ type: "replace", claim_items: [{ item_id: b.id, quantity: 1 }], additional_items: [{ variant_id: scarce.variants[0].id, quantity: 2 }] }, 422, "insufficient_inventory"],
      [{ type: "replace", claim_items: [{ item_id: b.id, quantity: 1 }], additional_items: [{ variant_id: product.variants[0].id, quantity: 1 }], shipping_methods: [{ option_id: returnOption.id }] }, 400, "invalid_shipping_option"],
      [{ type: "refund", claim_items: [{ item_id: b.id, quantity: 1 }], return_shipping: { option_id: option.id } }, 400, "invalid_shipping_option"],
    ];
    for (const [body, status, code] of cases) {
      const res = await claim(order.id, body);
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(expectStatus(await claim("order_nope", { type: "refund", claim_items: [{ item_id: a.id, quantity: 1 }] }), 404).code).toBe("order_not_found");
    expect(expectStatus(await action(order.id, "claims/claim_nope/cancel"), 404).code).toBe("claim_not_found");
    expect(expectStatus(await action(order.id, "claims/claim_nope", { no_notification: true }), 404).code).toBe("claim_not_found");
    const after = await getOrder(order.id);
    expect(after).toMatchObject({ claims: [], returns: [], refunded_total: 0 });
    expect(await stockOf(store, scarce.id, scarce.variants[0].id)).toBe(1);

    // Units returned, or already claimed, cannot be claimed; an order not shipped has nothing to claim.
    const ret = expectStatus(await store.request("/store/returns", { body: { order_id: order.id, items: [{ item_id: b.id, quantity: 1 }] } }), 200).return;
    expectStatus(await store.admin(`/admin/returns/${ret.id}/receive`, { body: { items: [{ item_id: b.id, quantity: 1 }] } }), 200);
    expect(expectStatus(await claim(order.id, { type: "refund", claim_items: [{ item_id: b.id, quantity: 1 }] }), 422).code).toBe("quantity_exceeds_claimable");
    expectStatus(await claim(order.id, { type: "refund", claim_items: [{ item_id: a.id, quantity: 2 }], refund_amount: 0 }), 200);
    expect(expectStatus(await claim(order.id, { type: "refund", claim_items: [{ item_id: a.id, quantity: 2 }] }), 422).code).toBe("quantity_exceeds_claimable");
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: product.variants[0].id, quantity: 1 }] });
    const placed = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
    const unshipped = await claim(placed.id, { type: "refund", claim_items: [{ item_id: placed.items[0].id, quantity: 1 }] });
    expect(expectStatus(unshipped, 422).code).toBe("quantity_exceeds_claimable");
    // A canceled order takes no claims.
    expectStatus(await action(placed.id, "cancel"), 200);
    expect(expectStatus(await claim(placed.id, { type: "refund", claim_items: [{ item_id: placed.items[0].id, quantity: 1 }] }), 422).code).toBe("order_canceled");
  });

  it("never refunds more than was paid under 10 concurrent refund claims, manual refunds and return receipts (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite transactions take turns, so this cannot fail there for want of the guard;
    // on PostgreSQL only the order's claim (order_action) makes the refunds take turns.
    const { order, a, b } = await shippedOrder();
    const returns: any[] = [];
    for (const item of [
      { item_id: a.id, quantity: 1 },
      { item_id: b.id, quantity: 1 },
    ]) {
      returns.push(expectStatus(await store.request("/store/returns", { body: { order_id: order.id, items: [item] } }), 200).return);
    }
    const sends = [
      ...returns.map((r) => () => store.admin(`/admin/returns/${r.id}/receive`, { body: { items: r.items.map((i: any) => ({ item_id: i.item_id, quantity: i.quantity })), refund: 3000 } })),
      ...Array.from({ length: 4 }, () => () => claim(order.id, { type: "refund", claim_items: [{ item_id: a.id, quantity: 1 }], refund_amount: 3000 })),
      ...Array.from({ length: 4 }, () => () => action(order.id, "refund", { amount: 3000, reason: "other" })),
    ];
    const results = await Promise.all(sends.map((send) => untilDone(send)));
    for (const res of results) {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      if (res.status !== 200) expect(["refund_exceeds_captured", "order_not_refundable", "quantity_exceeds_claimable"]).toContain(res.body.code);
    }
    expect(results.slice(0, 2).map((r) => r.status)).toEqual([200, 200]);
    const after = await getOrder(order.id);
    const refunded = after.refunds.reduce((sum: number, r: any) => sum + r.amount, 0);
    expect(refunded).toBe(after.refunded_total);
    expect(refunded).toBeLessThanOrEqual(13750);
    expect(after.payments[0].amount_refunded).toBe(refunded);
    expect(after.refundable_amount).toBe(13750 - refunded);
    // Every claim made was paid in full, and no more claims than units.
    const claimed = after.claims.reduce((sum: number, c: any) => sum + c.refund_amount, 0);
    expect(after.refunds.filter((r: any) => r.reason === "claim").reduce((sum: number, r: any) => sum + r.amount, 0)).toBe(claimed);
    expect(after.claims.length).toBeLessThanOrEqual(2);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(4);
  });

  it("gives a replace claim's stock back once under 10 concurrent cancels (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite transactions take turns, so this cannot fail there for want of the guard;
    // on PostgreSQL the order's row lock and the claim's conditional UPDATE prove it.
    const { order, a } = await shippedOrder();
    const made = expectStatus(
      await claim(order.id, { type: "replace", claim_items: [{ item_id: a.id, quantity: 1 }], additional_items: [{ variant_id: product.variants[1].id, quantity: 3 }] }),
      200,
    ).order.claims[0];
    const stock = await stockB();
    const results = await Promise.all(Array.from({ length: 10 }, () => action(order.id, `claims/${made.id}/cancel`)));
    for (const res of results) {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      if (res.status !== 200) expect(["claim_canceled", "claim_changed", "order_action_in_progress"]).toContain(res.body.code);
    }
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await stockB()).toBe(stock + 3);
  });

  it("fulfils a claim once under 10 concurrent requests: one provider call, one fulfillment (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite transactions take turns, so this cannot fail there for want of the guard;
    // on PostgreSQL the order's row lock and claim (order_action) prove it.
    const { order, a } = await shippedOrder();
    const body = { type: "replace", claim_items: [{ item_id: a.id, quantity: 1 }], additional_items: [{ variant_id: product.variants[0].id, quantity: 2 }], shipping_methods: [{ option_id: option.id }] };
    const made = expectStatus(await claim(order.id, body), 200).order.claims[0];
    const provider = store.server.kernel.container.resolve<any>("manualFulfillmentProviderService");
    const original = provider.createFulfillment.bind(provider);
    let calls = 0;
    provider.createFulfillment = async (...args: unknown[]) => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return original(...args);
    };
    try {
      const results = await Promise.all(Array.from({ length: 10 }, () => action(order.id, `claims/${made.id}/fulfillments`)));
      for (const res of results) {
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status !== 200) expect(["order_action_in_progress", "claim_fulfilled"]).toContain(res.body.code);
      }
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(calls).toBe(1);
      const after = (await getOrder(order.id)).claims[0];
      expect(after).toMatchObject({ fulfillment_status: "fulfilled", additional_items: [{ fulfilled_quantity: 2 }] });
      expect(after.fulfillments).toHaveLength(1);
    } finally {
      provider.createFulfillment = original;
    }
  });

  it("takes the last unit of stock for one of 10 concurrent replace claims (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite transactions take turns, so this cannot fail there for want of the guard;
    // on PostgreSQL the stock's conditional UPDATE proves it.
    const only = await createProduct(store, [{ inventory_quantity: 1, prices: [{ amount: 100, currency_code: "dkk" }] }]);
    const orders = await Promise.all(Array.from({ length: 2 }, () => shippedOrder()));
    const sends = Array.from({ length: 10 }, (_, i) => {
      const { order, a } = orders[i % 2];
      return () => claim(order.id, { type: "replace", claim_items: [{ item_id: a.id, quantity: 1 }], additional_items: [{ variant_id: only.variants[0].id, quantity: 1 }] });
    });
    const results = await Promise.all(sends.map((send) => untilDone(send)));
    for (const res of results) {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      if (res.status !== 200) expect(["insufficient_inventory", "quantity_exceeds_claimable"]).toContain(res.body.code);
    }
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await stockOf(store, only.id, only.variants[0].id)).toBe(0);
  });
});
