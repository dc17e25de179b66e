import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, recordEvents, stockOf } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { kiosk } from "../helpers/kiosk";
import { startStore, type Store } from "../helpers/store";

type Res = { status: number; body: any };

/** How long an order action may hold its claim (the order module's ORDER_ACTION_LEASE_MS). */
const LEASE_MS = 120_000;

/**
 * The statuses and amounts of an order, as a refused action must leave them
 * (everything but `updated_at`).
 */
function snapshot(order: any) {
  return {
    status: order.status,
    payment_status: order.payment_status,
    fulfillment_status: order.fulfillment_status,
    canceled_at: order.canceled_at,
    paid_total: order.paid_total,
    refunded_total: order.refunded_total,
    refundable_amount: order.refundable_amount,
    payments: order.payments.map((p: any) => ({ captured_at: p.captured_at, canceled_at: p.canceled_at, amount_refunded: p.amount_refunded })),
    refunds: order.refunds.map((r: any) => r.id),
    fulfillments: order.fulfillments.map((f: any) => ({ id: f.id, shipped_at: f.shipped_at, canceled_at: f.canceled_at })),
    items: order.items.map((i: any) => ({ id: i.id, fulfilled_quantity: i.fulfilled_quantity, shipped_quantity: i.shipped_quantity })),
  };
}

/**
 * Watches one method of a real provider (the manual ones, container
 * singletons): counts its calls, notes whether a transaction was open, makes
 * each call take `delayMs` (so concurrent requests overlap the provider call)
 * and throws the errors queued in `fail`. `during` runs inside a call.
 */
function watch(store: Store, key: string, method: string) {
  const container = store.server.kernel.container;
  const provider = container.resolve<any>(key);
  const unitOfWork = container.resolve<any>("unitOfWork");
  const original = provider[method].bind(provider);
  const probe = {
    calls: 0,
    inTransaction: 0,
    delayMs: 20,
    fail: [] as unknown[],
    during: undefined as undefined | (() => Promise<void>),
  };
  provider[method] = async (...args: unknown[]) => {
    probe.calls++;
    if (unitOfWork.active) probe.inTransaction++;
    await new Promise((resolve) => setTimeout(resolve, probe.delayMs));
    if (probe.during) await probe.during();
    if (probe.fail.length) throw probe.fail.shift();
    return original(...args);
  };
  return probe;
}

/**
 * Sends `n` requests at once. None may be a 5xx, every refusal must carry one
 * of `codes`; returns the successes.
 *
 * On SQLite the kernel runs transactions one at a time, so two requests can
 * never interleave inside a transaction there; they still interleave between
 * an action's claim and its record (the provider call runs outside any
 * transaction), so these races are real on SQLite too. On PostgreSQL the
 * transactions themselves run concurrently as well, and only the order's row
 * lock and its claim make them take turns: there a broken guard fails them.
 */
async function race(n: number, send: () => Promise<Res>, codes: string[]): Promise<Res[]> {
  const results = await Promise.all(Array.from({ length: n }, send));
  for (const res of results) {
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    if (res.status !== 200) expect(codes, JSON.stringify(res.body)).toContain(res.body.code);
  }
  return results.filter((r) => r.status === 200);
}

describe.each(DATABASES)("order, payment and fulfillment statuses on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let option: { id: string };
  let product: Awaited<ReturnType<typeof createProduct>>;
  let provider: Record<"capture" | "refund" | "cancel" | "fulfil" | "unfulfil", ReturnType<typeof watch>>;
  let dataSource: any;

  const action = (orderId: string, what: string, body: unknown = {}): Promise<Res> =>
    store.admin(`/admin/orders/${orderId}/${what}`, { body });
  const getOrder = async (id: string) => expectStatus(await store.admin(`/admin/orders/${id}`), 200).order;

  /** An order of 3 × A and 1 × B: 10000 + 1000 shipping + 25 % tax = 13750. */
  async function placeOrder() {
    const items = [
      { variant_id: product.variants[0].id, quantity: 3 },
      { variant_id: product.variants[1].id, quantity: 1 },
    ];
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items });
    return expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
  }

  /** An order with every unit fulfilled in one fulfillment; returns the order and that fulfillment's id. */
  async function fulfilledOrder() {
    const order = await placeOrder();
    const items = order.items.map((i: any) => ({ item_id: i.id, quantity: i.quantity }));
    const fulfilled = expectStatus(await action(order.id, "fulfillment", { items }), 200).order;
    return { order: fulfilled, fulfillmentId: fulfilled.fulfillments[0].id as string };
  }

  /** Expects a refusal with this status and code, and the order exactly as it was. */
  async function expectRefused(res: Res, status: number, code: string, before: any) {
    expect(expectStatus(res, status)).toMatchObject({ code, message: expect.any(String) });
    expect(snapshot(await getOrder(before.id))).toEqual(snapshot(before));
  }

  const claims = async (orderId: string) => dataSource.getRepository("OrderAction").countBy({ order_id: orderId });

  beforeAll(async () => {
    store = await startStore(name, "order_states");
    events = recordEvents(store);
    dataSource = store.server.kernel.container.resolve<any>("dataSource");
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 1000);
    product = await createProduct(store, [
      { inventory_quantity: 10_000, prices: [{ amount: 2000, currency_code: "dkk" }] },
      { inventory_quantity: 10_000, prices: [{ amount: 4000, currency_code: "dkk" }] },
    ]);
    provider = {
      capture: watch(store, "manualPaymentProviderService", "capturePayment"),
      refund: watch(store, "manualPaymentProviderService", "refundPayment"),
      cancel: watch(store, "manualPaymentProviderService", "cancelPayment"),
      fulfil: watch(store, "manualFulfillmentProviderService", "createFulfillment"),
      unfulfil: watch(store, "manualFulfillmentProviderService", "cancelFulfillment"),
    };
  });

  afterAll(async () => {
    for (const probe of Object.values(provider ?? {})) expect(probe.inTransaction, "a provider was called inside a transaction").toBe(0);
    await store?.close();
  });

  describe("each transition's rule", () => {
    it("order status: complete and archive only from the statuses the table allows", async () => {
      const order = await placeOrder();
      await expectRefused(await action(order.id, "archive"), 422, "order_not_archivable", order);
      const completed = expectStatus(await action(order.id, "complete"), 200).order;
      expect(completed.status).toBe("completed");
      await expectRefused(await action(order.id, "complete"), 422, "order_not_completable", completed);
      await expectRefused(await action(order.id, "cancel"), 422, "order_not_cancelable", completed);
      // A completed order's payment may still be captured and refunded (as in Medusa v1).
      const captured = expectStatus(await action(order.id, "capture"), 200).order;
      expect(captured).toMatchObject({ status: "completed", payment_status: "captured" });
      const archived = expectStatus(await action(order.id, "archive"), 200).order;
      expect(archived.status).toBe("archived");
      await expectRefused(await action(order.id, "archive"), 422, "order_not_archivable", archived);
      // Nothing happens to an archived order any more.
      const line = order.items[0];
      for (const [what, body] of [
        ["complete", {}],
        ["cancel", {}],
        ["capture", {}],
        ["refund", { amount: 100, reason: "other" }],
        ["fulfillment", { items: [{ item_id: line.id, quantity: 1 }] }],
      ] as const) {
        await expectRefused(await action(order.id, what, body), 422, "order_archived", archived);
      }
    });

    it("payment status: refund only what was captured, and cancel never after a refund", async () => {
      const [a] = product.variants;
      const stock = await stockOf(store, product.id, a.id);
      const order = await placeOrder();
      await expectRefused(await action(order.id, "refund", { amount: 100, reason: "other" }), 422, "order_not_refundable", order);
      const captured = expectStatus(await action(order.id, "capture"), 200).order;
      expect(captured).toMatchObject({ payment_status: "captured", paid_total: 13750, refundable_amount: 13750 });
      await expectRefused(await action(order.id, "capture"), 422, "nothing_to_capture", captured);
      await expectRefused(await action(order.id, "refund", { amount: 13751, reason: "other" }), 400, "refund_exceeds_captured", captured);

      const partly = expectStatus(await action(order.id, "refund", { amount: 3750, reason: "discount" }), 200).order;
      expect(partly).toMatchObject({ payment_status: "partially_refunded", refunded_total: 3750, refundable_amount: 10000 });
      // The old bug: canceling now left refundable_amount at -3750 and the other 10000 captured out of reach.
      await expectRefused(await action(order.id, "cancel"), 422, "order_has_refunds", partly);
      expect(await stockOf(store, product.id, a.id)).toBe(stock - 3);
      expect(partly.payments[0].canceled_at).toBeNull();

      const again = expectStatus(await action(order.id, "refund", { amount: 4000, reason: "other" }), 200).order;
      expect(again).toMatchObject({ payment_status: "partially_refunded", refunded_total: 7750, refundable_amount: 6000 });
      await expectRefused(await action(order.id, "refund", { amount: 6001, reason: "other" }), 400, "refund_exceeds_captured", again);
      const refunded = expectStatus(await action(order.id, "refund", { amount: 6000, reason: "return" }), 200).order;
      expect(refunded).toMatchObject({ payment_status: "refunded", refunded_total: 13750, refundable_amount: 0 });
      expect(refunded.refunds.map((r: any) => r.amount)).toEqual([3750, 4000, 6000]);
      await expectRefused(await action(order.id, "refund", { amount: 1, reason: "other" }), 422, "order_not_refundable", refunded);
      await expectRefused(await action(order.id, "cancel"), 422, "order_has_refunds", refunded);
      // Bad input changes nothing either.
      await expectRefused(await action(order.id, "refund", { amount: -5, reason: "other" }), 400, "invalid_request", refunded);
    });

    it("cancels a captured order without refunds as Medusa v1 does: the provider cancels the payment, the stock comes back", async () => {
      const [a, b] = product.variants;
      const stock = [await stockOf(store, product.id, a.id), await stockOf(store, product.id, b.id)];
      const order = await placeOrder();
      expectStatus(await action(order.id, "capture"), 200);
      const cancels = provider.cancel.calls;
      const canceled = expectStatus(await action(order.id, "cancel"), 200).order;
      expect(provider.cancel.calls).toBe(cancels + 1);
      expect(canceled).toMatchObject({
        status: "canceled",
        payment_status: "canceled",
        fulfillment_status: "canceled",
        paid_total: 0,
        refunded_total: 0,
        refundable_amount: 0,
      });
      expect(canceled.payments[0].canceled_at).not.toBeNull();
      expect([await stockOf(store, product.id, a.id), await stockOf(store, product.id, b.id)]).toEqual(stock);

      const line = order.items[0];
      for (const [what, body] of [
        ["cancel", {}],
        ["capture", {}],
        ["complete", {}],
        ["refund", { amount: 1, reason: "other" }],
        ["fulfillment", { items: [{ item_id: line.id, quantity: 1 }] }],
      ] as const) {
        await expectRefused(await action(order.id, what, body), 422, "order_canceled", canceled);
      }
      expect(provider.cancel.calls).toBe(cancels + 1);
      expect([await stockOf(store, product.id, a.id), await stockOf(store, product.id, b.id)]).toEqual(stock);
      expect(expectStatus(await action(order.id, "archive"), 200).order.status).toBe("archived");
    });

    it("fulfillment status: a shipment blocks cancel, and only unshipped fulfillments are canceled", async () => {
      const order = await placeOrder();
      const [lineA, lineB] = order.items;
      let current = expectStatus(await action(order.id, "fulfillment", { items: [{ item_id: lineA.id, quantity: 1 }] }), 200).order;
      expect(current.fulfillment_status).toBe("partially_fulfilled");
      await expectRefused(
        await action(order.id, "fulfillment", { items: [{ item_id: lineA.id, quantity: 3 }] }),
        422,
        "quantity_exceeds_unfulfilled",
        current,
      );
      await expectRefused(
        await action(order.id, "fulfillment", { items: [{ item_id: lineB.id, quantity: 1 }, { item_id: lineB.id, quantity: 1 }] }),
        400,
        "invalid_data",
        current,
      );
      const first = current.fulfillments[0].id;
      current = expectStatus(await action(order.id, "shipment", { fulfillment_id: first }), 200).order;
      expect(current.fulfillment_status).toBe("partially_shipped");
      await expectRefused(await action(order.id, "cancel"), 422, "order_has_fulfillments", current);
      await expectRefused(await action(order.id, `fulfillments/${first}/cancel`), 422, "fulfillment_shipped", current);
      await expectRefused(await action(order.id, "shipment", { fulfillment_id: first }), 422, "fulfillment_shipped", current);

      const items = [
        { item_id: lineA.id, quantity: 2 },
        { item_id: lineB.id, quantity: 1 },
      ];
      current = expectStatus(await action(order.id, "fulfillment", { items }), 200).order;
      expect(current.fulfillment_status).toBe("partially_shipped");
      const second = current.fulfillments.find((f: any) => f.id !== first).id;
      current = expectStatus(await action(order.id, `fulfillments/${second}/cancel`), 200).order;
      expect(current.fulfillment_status).toBe("partially_shipped");
      await expectRefused(await action(order.id, `fulfillments/${second}/cancel`), 422, "fulfillment_canceled", current);
      await expectRefused(await action(order.id, "shipment", { fulfillment_id: second }), 422, "fulfillment_canceled", current);
      current = expectStatus(await action(order.id, "fulfillment", { items }), 200).order;
      const third = current.fulfillments.find((f: any) => f.id !== first && f.id !== second).id;
      current = expectStatus(await action(order.id, "shipment", { fulfillment_id: third }), 200).order;
      expect(current.fulfillment_status).toBe("shipped");
      expect(current.items.map((i: any) => i.shipped_quantity - i.quantity)).toEqual([0, 0]);
      await expectRefused(await action(order.id, "cancel"), 422, "order_has_fulfillments", current);
    });
  });

  describe("providers", () => {
    it("are called with no transaction open (on PostgreSQL: no connection idle in a transaction meanwhile)", async () => {
      const idle: number[] = [];
      const countIdle = async () => {
        if (name !== "postgres") return;
        const [row] = await dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        );
        idle.push(row.n);
      };
      for (const probe of Object.values(provider)) probe.during = countIdle;
      try {
        const { order, fulfillmentId } = await fulfilledOrder();
        expectStatus(await action(order.id, `fulfillments/${fulfillmentId}/cancel`), 200);
        expectStatus(await action(order.id, "capture"), 200);
        expectStatus(await action(order.id, "refund", { amount: 100, reason: "other" }), 200);
        expectStatus(await action((await placeOrder()).id, "cancel"), 200);
      } finally {
        for (const probe of Object.values(provider)) probe.during = undefined;
      }
      if (name === "postgres") expect(idle).toEqual([0, 0, 0, 0, 0]);
      for (const probe of Object.values(provider)) expect(probe.inTransaction).toBe(0);
    });

    it("that fail leave the order as it was, with a 503 and a code, and the action can be sent again", async () => {
      const down = () => new Error("connection reset by peer");
      const order = await placeOrder();
      const [a] = product.variants;
      const stock = await stockOf(store, product.id, a.id);

      provider.cancel.fail.push(down());
      await expectRefused(await action(order.id, "cancel"), 503, "payment_provider_unavailable", order);
      expect(await stockOf(store, product.id, a.id)).toBe(stock);

      provider.fulfil.fail.push(down());
      const items = order.items.map((i: any) => ({ item_id: i.id, quantity: i.quantity }));
      await expectRefused(await action(order.id, "fulfillment", { items }), 503, "fulfillment_provider_unavailable", order);
      const fulfilled = expectStatus(await action(order.id, "fulfillment", { items }), 200).order;
      const fulfillmentId = fulfilled.fulfillments[0].id;
      provider.unfulfil.fail.push(down());
      await expectRefused(await action(order.id, `fulfillments/${fulfillmentId}/cancel`), 503, "fulfillment_provider_unavailable", fulfilled);

      provider.capture.fail.push(down());
      await expectRefused(await action(order.id, "capture"), 503, "payment_provider_unavailable", fulfilled);
      // A provider's own 4xx (a declined card, say) is answered as it is.
      provider.capture.fail.push(new kiosk.UnprocessableError("The card was declined", "payment_declined"));
      await expectRefused(await action(order.id, "capture"), 422, "payment_declined", fulfilled);
      const captured = expectStatus(await action(order.id, "capture"), 200).order;
      expect(captured.payment_status).toBe("captured");

      provider.refund.fail.push(down());
      await expectRefused(await action(order.id, "refund", { amount: 500, reason: "other" }), 503, "payment_provider_unavailable", captured);
      const refunded = expectStatus(await action(order.id, "refund", { amount: 500, reason: "other" }), 200).order;
      expect(refunded).toMatchObject({ payment_status: "partially_refunded", refunded_total: 500, refundable_amount: 13250 });
      expect(await claims(order.id)).toBe(0);
      // A provider that threw may have acted anyway: each such failure is reported; the declined card is not.
      await events.drain();
      const abandoned = events.messages.filter((m) => m.name === "order.action_abandoned" && m.data.id === order.id).map((m) => m.data);
      expect(abandoned.map((d) => [d.action, d.reason])).toEqual([
        ["cancel", "payment_provider_unavailable"],
        ["create_fulfillment", "fulfillment_provider_unavailable"],
        ["cancel_fulfillment", "fulfillment_provider_unavailable"],
        ["capture", "payment_provider_unavailable"],
        ["refund", "payment_provider_unavailable"],
      ]);
      expect(abandoned[4].data).toMatchObject({ amount: 500, parts: [{ payment_id: order.payments[0].id, amount: 500 }] });
    });

    it("that do not answer within payments.timeout are a 503 payment_provider_timeout, and the order is as it was", async () => {
      const order = await placeOrder();
      const config = store.server.kernel.container.resolve<any>("config");
      const timeout = config.payments.timeout;
      provider.capture.delayMs = 300;
      config.payments.timeout = 50;
      try {
        await expectRefused(await action(order.id, "capture"), 503, "payment_provider_timeout", order);
      } finally {
        config.payments.timeout = timeout;
        provider.capture.delayMs = 20;
      }
      expect(await claims(order.id)).toBe(0);
      await events.drain();
      expect(events.messages.find((m) => m.name === "order.action_abandoned" && m.data.id === order.id)?.data.reason).toBe("payment_provider_timeout");
      // Capturing again asks the provider again, which treats it as the same capture.
      expect(expectStatus(await action(order.id, "capture"), 200).order.payment_status).toBe("captured");
    });

    it("that do not answer within fulfillments.timeout are a 503 fulfillment_provider_timeout, and nothing is fulfilled", async () => {
      const order = await placeOrder();
      const config = store.server.kernel.container.resolve<any>("config");
      const timeout = config.fulfillments.timeout;
      const items = order.items.map((i: any) => ({ item_id: i.id, quantity: i.quantity }));
      provider.fulfil.delayMs = 300;
      config.fulfillments.timeout = 50;
      try {
        await expectRefused(await action(order.id, "fulfillment", { items }), 503, "fulfillment_provider_timeout", order);
      } finally {
        config.fulfillments.timeout = timeout;
        provider.fulfil.delayMs = 20;
      }
      expect(await claims(order.id)).toBe(0);
      await events.drain();
      expect(events.messages.find((m) => m.name === "order.action_abandoned" && m.data.id === order.id)?.data).toMatchObject({
        action: "create_fulfillment",
        reason: "fulfillment_provider_timeout",
      });
      expect(expectStatus(await action(order.id, "fulfillment", { items }), 200).order.fulfillment_status).toBe("fulfilled");
    });
  });

  describe("claims", () => {
    it("one action at a time: a live claim is a 409, one left by a crash is released after the lease", async () => {
      const order = await placeOrder();
      const started = new Date();
      const claim = { id: `oact_crash_${Date.now()}`, order_id: order.id, action: "refund", data: { amount: 100 }, created_at: started, updated_at: started };
      await dataSource.getRepository("OrderAction").insert(claim);
      await expectRefused(await action(order.id, "capture"), 409, "order_action_in_progress", order);
      await expectRefused(await action(order.id, "complete"), 409, "order_action_in_progress", order);
      await expectRefused(await action(order.id, "cancel"), 409, "order_action_in_progress", order);

      await dataSource.getRepository("OrderAction").update({ id: claim.id }, { created_at: new Date(Date.now() - LEASE_MS - 1000) });
      expect(expectStatus(await action(order.id, "capture"), 200).order.payment_status).toBe("captured");
      expect(await claims(order.id)).toBe(0);
      await events.drain();
      const abandoned = events.messages.filter((m) => m.name === "order.action_abandoned" && m.data.id === order.id);
      expect(abandoned.map((m) => [m.data.action, m.data.data, m.data.reason])).toEqual([["refund", { amount: 100 }, "lease_expired"]]);
    });

    it("an action that outlives its claim records nothing: 409 order_action_expired", async () => {
      const order = await placeOrder();
      let completed: Res | undefined;
      provider.capture.during = async () => {
        provider.capture.during = undefined;
        await dataSource.getRepository("OrderAction").update({ order_id: order.id }, { created_at: new Date(Date.now() - LEASE_MS - 1000) });
        completed = await action(order.id, "complete");
      };
      expect(expectStatus(await action(order.id, "capture"), 409)).toMatchObject({ code: "order_action_expired" });
      expect(expectStatus(completed!, 200).order.status).toBe("completed");
      const after = await getOrder(order.id);
      expect(after).toMatchObject({ status: "completed", payment_status: "awaiting", paid_total: 0 });
      expect(after.payments[0].captured_at).toBeNull();
      await events.drain();
      expect(events.messages.some((m) => m.name === "order.action_abandoned" && m.data.id === order.id && m.data.action === "capture")).toBe(true);
      // The manual provider captures again without harm; the order catches up.
      expect(expectStatus(await action(order.id, "capture"), 200).order.payment_status).toBe("captured");
    });
  });

  describe("10 concurrent requests for one action", () => {
    it("capture: one provider call, one capture", async () => {
      const order = await placeOrder();
      const calls = provider.capture.calls;
      const ok = await race(10, () => action(order.id, "capture"), ["order_action_in_progress", "nothing_to_capture"]);
      expect(ok).toHaveLength(1);
      expect(provider.capture.calls - calls).toBe(1);
      expect(await getOrder(order.id)).toMatchObject({ payment_status: "captured", paid_total: 13750, refundable_amount: 13750 });
    });

    it("refund: never more than was captured, one provider call per recorded refund", async () => {
      const order = await placeOrder();
      expectStatus(await action(order.id, "capture"), 200);
      const calls = provider.refund.calls;
      // Two refunds of 7000 do not fit in 13750: exactly one may succeed.
      const big = await race(10, () => action(order.id, "refund", { amount: 7000, reason: "other" }), [
        "order_action_in_progress",
        "refund_exceeds_captured",
      ]);
      expect(big).toHaveLength(1);
      expect(provider.refund.calls - calls).toBe(1);
      // Refunds of 1000 fit six times into what is left; however many succeed, the amounts add up.
      const small = await race(10, () => action(order.id, "refund", { amount: 1000, reason: "other" }), [
        "order_action_in_progress",
        "refund_exceeds_captured",
      ]);
      expect(small.length).toBeGreaterThanOrEqual(1);
      expect(small.length).toBeLessThanOrEqual(6);
      expect(provider.refund.calls - calls).toBe(1 + small.length);
      const after = await getOrder(order.id);
      expect(after.refunds).toHaveLength(1 + small.length);
      expect(after).toMatchObject({
        payment_status: "partially_refunded",
        refunded_total: 7000 + 1000 * small.length,
        refundable_amount: 6750 - 1000 * small.length,
      });
      expect(after.payments[0].amount_refunded).toBe(7000 + 1000 * small.length);
    });

    it("cancel: one provider call, the stock given back once", async () => {
      const [a, b] = product.variants;
      const stock = [await stockOf(store, product.id, a.id), await stockOf(store, product.id, b.id)];
      const order = await placeOrder();
      expectStatus(await action(order.id, "capture"), 200);
      const calls = provider.cancel.calls;
      const ok = await race(10, () => action(order.id, "cancel"), ["order_action_in_progress", "order_canceled"]);
      expect(ok).toHaveLength(1);
      expect(provider.cancel.calls - calls).toBe(1);
      expect(await getOrder(order.id)).toMatchObject({ status: "canceled", payment_status: "canceled", refundable_amount: 0 });
      expect([await stockOf(store, product.id, a.id), await stockOf(store, product.id, b.id)]).toEqual(stock);
    });

    it("fulfil: one provider call, one fulfillment", async () => {
      const order = await placeOrder();
      const items = order.items.map((i: any) => ({ item_id: i.id, quantity: i.quantity }));
      const calls = provider.fulfil.calls;
      const ok = await race(10, () => action(order.id, "fulfillment", { items }), ["order_action_in_progress", "quantity_exceeds_unfulfilled"]);
      expect(ok).toHaveLength(1);
      expect(provider.fulfil.calls - calls).toBe(1);
      const after = await getOrder(order.id);
      expect(after.fulfillment_status).toBe("fulfilled");
      expect(after.fulfillments).toHaveLength(1);
      expect(after.items.map((i: any) => i.fulfilled_quantity - i.quantity)).toEqual([0, 0]);
    });

    it("ship: one shipment", async () => {
      const { order, fulfillmentId } = await fulfilledOrder();
      const ok = await race(10, () => action(order.id, "shipment", { fulfillment_id: fulfillmentId, tracking_numbers: ["T-1"] }), [
        "fulfillment_shipped",
      ]);
      expect(ok).toHaveLength(1);
      const after = await getOrder(order.id);
      expect(after.fulfillment_status).toBe("shipped");
      expect(after.items.map((i: any) => i.shipped_quantity - i.quantity)).toEqual([0, 0]);
      await events.drain();
      expect(events.messages.filter((m) => m.name === "order.shipment_created" && m.data.id === order.id)).toHaveLength(1);
    });

    it("cancel a fulfillment: one provider call, the units given back once", async () => {
      const { order, fulfillmentId } = await fulfilledOrder();
      const calls = provider.unfulfil.calls;
      const ok = await race(10, () => action(order.id, `fulfillments/${fulfillmentId}/cancel`), [
        "order_action_in_progress",
        "fulfillment_canceled",
      ]);
      expect(ok).toHaveLength(1);
      expect(provider.unfulfil.calls - calls).toBe(1);
      const after = await getOrder(order.id);
      expect(after.fulfillment_status).toBe("not_fulfilled");
      expect(after.items.map((i: any) => i.fulfilled_quantity)).toEqual([0, 0]);
    });

    it("complete: completed once", async () => {
      const order = await placeOrder();
      const ok = await race(10, () => action(order.id, "complete"), ["order_not_completable"]);
      expect(ok).toHaveLength(1);
      expect((await getOrder(order.id)).status).toBe("completed");
      await events.drain();
      expect(events.messages.filter((m) => m.name === "order.completed" && m.data.id === order.id)).toHaveLength(1);
    });

    it("cancel racing refunds: never canceled with a refund, never refunded past what was captured", async () => {
      const order = await placeOrder();
      expectStatus(await action(order.id, "capture"), 200);
      const ok = await race(
        10,
        (() => {
          let i = 0;
          return () => (i++ % 2 ? action(order.id, "cancel") : action(order.id, "refund", { amount: 5000, reason: "other" }));
        })(),
        ["order_action_in_progress", "order_has_refunds", "order_canceled", "refund_exceeds_captured"],
      );
      expect(ok.length).toBeGreaterThanOrEqual(1);
      const after = await getOrder(order.id);
      expect(after.refundable_amount).toBeGreaterThanOrEqual(0);
      if (after.status === "canceled") {
        expect(after.refunds).toHaveLength(0);
        expect(ok).toHaveLength(1);
        expect(after).toMatchObject({ payment_status: "canceled", paid_total: 0 });
      } else {
        expect(after.refunds.length).toBe(ok.length);
        expect(after.refunded_total).toBe(5000 * ok.length);
        expect(after.refundable_amount).toBe(13750 - 5000 * ok.length);
        expect(after.payment_status).toBe("partially_refunded");
      }
    });
  });
});
