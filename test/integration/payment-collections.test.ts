import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, recordEvents } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("payment collections of order edits on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let region: { id: string };
  let option: { id: string };
  let variant: string;

  const admin = (path: string, body?: unknown, method?: string) => store.admin(path, { method: method ?? (body === undefined ? "GET" : "POST"), body });
  const shop = (path: string, body?: unknown) => store.request(path, { method: body === undefined ? "GET" : "POST", body });
  const expectCode = (res: { status: number; body: any }, status: number, code: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toMatchObject({ type: expect.any(String), code, message: expect.any(String) });
  };

  /** An order of one unit (2000 + 1000 shipping, 25 % tax: 3750) and a requested edit to two units (difference 2500). */
  async function requestedEdit() {
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: variant, quantity: 1 }] });
    const order = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
    const created = expectStatus(await admin("/admin/order-edits", { order_id: order.id }), 200).order_edit;
    expectStatus(await admin(`/admin/order-edits/${created.id}/items/${created.items[0].id}`, { quantity: 2 }), 200);
    const edit = expectStatus(await admin(`/admin/order-edits/${created.id}/request`, {}), 200).order_edit;
    return { order, edit };
  }

  beforeAll(async () => {
    store = await startStore(name, "payment_collections");
    events = recordEvents(store);
    region = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    option = await createShippingOption(store, region.id, 1000);
    const product = await createProduct(store, [{ inventory_quantity: 1000, prices: [{ amount: 2000, currency_code: "dkk" }] }]);
    variant = product.variants[0].id;
  });

  afterAll(async () => {
    await store?.close();
  });

  it("collects a positive difference through sessions, then lets the customer complete the edit; the payments become the order's", async () => {
    const { order, edit } = await requestedEdit();
    expect(edit.difference_due).toBe(2500);
    const id = edit.payment_collection_id;
    expect(id).toMatch(/^paycol_/);
    expect(edit.payment_collection).toMatchObject({ id, type: "order_edit", status: "not_paid", amount: 2500, authorized_amount: null, region_id: region.id, currency_code: "dkk" });
    expectCode(await shop(`/store/order-edits/${edit.id}/complete`, {}), 422, "order_edit_payment_required");
    expectCode(await shop(`/store/payment-collections/${id}/sessions/batch/authorize`, { session_ids: ["ps_nope"] }), 422, "payment_session_missing");

    const one = expectStatus(await shop(`/store/payment-collections/${id}/sessions`, { provider_id: "manual" }), 200).payment_collection;
    expect(one.payment_sessions).toMatchObject([{ provider_id: "manual", amount: 2500, status: "pending", payment_collection_id: id }]);
    const again = expectStatus(await shop(`/store/payment-collections/${id}/sessions`, { provider_id: "manual" }), 200).payment_collection;
    expect(again.payment_sessions.map((s: { id: string }) => s.id)).toEqual([one.payment_sessions[0].id]);
    expect((await shop(`/store/payment-collections/${id}/sessions`, { provider_id: "nope" })).status).toBe(404);

    const batch = (sessions: unknown[]) => shop(`/store/payment-collections/${id}/sessions/batch`, { sessions });
    expectCode(await batch([{ provider_id: "manual", amount: 1000 }]), 422, "payment_session_amounts_mismatch");
    const split = expectStatus(await batch([{ provider_id: "manual", amount: 1000 }, { provider_id: "manual", amount: 1500 }]), 200).payment_collection;
    expect(split.payment_sessions.map((s: { amount: number }) => s.amount).sort()).toEqual([1000, 1500]);
    expect(split.payment_sessions.map((s: { id: string }) => s.id)).not.toContain(one.payment_sessions[0].id);
    const small = split.payment_sessions.find((s: { amount: number }) => s.amount === 1000);
    const large = split.payment_sessions.find((s: { amount: number }) => s.amount === 1500);
    const refreshed = expectStatus(await shop(`/store/payment-collections/${id}/sessions/${small.id}`, {}), 200).payment_session;
    expect(refreshed).toMatchObject({ id: small.id, status: "pending", amount: 1000 });

    const partial = expectStatus(await shop(`/store/payment-collections/${id}/sessions/batch/authorize`, { session_ids: [small.id] }), 200).payment_collection;
    expect(partial).toMatchObject({ status: "partially_authorized", authorized_amount: 1000 });
    expect(partial.payments).toMatchObject([{ amount: 1000, currency_code: "dkk", provider_id: "manual", order_id: null }]);
    expectCode(await shop(`/store/payment-collections/${id}/sessions/${small.id}`, {}), 422, "payment_session_authorized");
    expectCode(await batch([{ provider_id: "manual", amount: 2500 }]), 422, "payment_collection_not_payable");
    expectCode(await shop(`/store/order-edits/${edit.id}/complete`, {}), 422, "order_edit_payment_required");

    const session = expectStatus(await shop(`/store/payment-collections/${id}/sessions/${large.id}/authorize`, {}), 200).payment_session;
    expect(session).toMatchObject({ id: large.id, status: "authorized", payment_authorized_at: expect.any(String) });
    const paid = expectStatus(await shop(`/store/payment-collections/${id}`), 200).payment_collection;
    expect(paid).toMatchObject({ status: "authorized", authorized_amount: 2500 });
    expect(paid.payments).toHaveLength(2);
    expectCode(await admin(`/admin/payment-collections/${id}`, undefined, "DELETE"), 422, "payment_collection_not_deletable");
    expect(expectStatus(await admin(`/admin/payment-collections/${id}`, { description: "Extra unit" }), 200).payment_collection.description).toBe("Extra unit");

    const completed = expectStatus(await shop(`/store/order-edits/${edit.id}/complete`, {}), 200).order_edit;
    expect(completed).toMatchObject({ status: "confirmed", payment_collection: { id, status: "authorized" } });
    const after = expectStatus(await admin(`/admin/orders/${order.id}`), 200).order;
    expect(after.total).toBe(6250);
    expect(after.payments.map((p: { amount: number }) => p.amount).sort()).toEqual([1000, 1500, 3750]);
    expect(after.payments.every((p: { order_id: string }) => p.order_id === order.id)).toBe(true);

    await events.drain();
    const mine = events.messages.filter((m) => m.name.startsWith("payment-collection.") && m.data.id === id).map((m) => m.name);
    expect(mine).toEqual(["payment-collection.created", "payment-collection.payment_authorized", "payment-collection.updated"]);
  });

  it("lets the admin mark a collection authorized; cancels an unpaid collection with its edit, which may then be deleted", async () => {
    const { edit } = await requestedEdit();
    const marked = expectStatus(await admin(`/admin/payment-collections/${edit.payment_collection_id}/authorize`, {}), 200).payment_collection;
    expect(marked).toMatchObject({ status: "authorized", authorized_amount: 2500, payments: [] });
    expect(expectStatus(await shop(`/store/order-edits/${edit.id}/complete`, {}), 200).order_edit.status).toBe("confirmed");

    const declined = (await requestedEdit()).edit;
    const id = declined.payment_collection_id;
    expectStatus(await shop(`/store/order-edits/${declined.id}/decline`, {}), 200);
    expect(expectStatus(await admin(`/admin/payment-collections/${id}`), 200).payment_collection.status).toBe("canceled");
    expectCode(await admin(`/admin/payment-collections/${id}/authorize`, {}), 422, "payment_collection_canceled");
    expectCode(await shop(`/store/payment-collections/${id}/sessions`, { provider_id: "manual" }), 422, "payment_collection_not_payable");
    expect(expectStatus(await admin(`/admin/payment-collections/${id}`, undefined, "DELETE"), 200)).toEqual({ id, object: "payment_collection", deleted: true });
    expectCode(await admin(`/admin/payment-collections/${id}`), 404, "payment_collection_not_found");
    expect(expectStatus(await admin(`/admin/order-edits/${declined.id}`), 200).order_edit).toMatchObject({ payment_collection_id: null, payment_collection: null });
  });

  it("captures and refunds one payment at a time through /admin/payments, never past what it holds", async () => {
    const { order, edit } = await requestedEdit();
    const id = edit.payment_collection_id;
    const session = expectStatus(await shop(`/store/payment-collections/${id}/sessions`, { provider_id: "manual" }), 200).payment_collection.payment_sessions[0];
    const collected = expectStatus(await shop(`/store/payment-collections/${id}/sessions/batch/authorize`, { session_ids: [session.id] }), 200).payment_collection;
    const extra = collected.payments[0];
    expect(expectStatus(await admin(`/admin/payments/${extra.id}`), 200).payment).toMatchObject({ id: extra.id, amount: 2500, order_id: null, captured_at: null });
    expectCode(await admin(`/admin/payments/${extra.id}/capture`, {}), 422, "payment_not_attached");
    expectCode(await admin("/admin/payments/pay_nope"), 404, "payment_not_found");
    expectCode(await admin("/admin/payments/pay_nope/capture", {}), 404, "payment_not_found");
    expectStatus(await shop(`/store/order-edits/${edit.id}/complete`, {}), 200);

    expectCode(await admin(`/admin/payments/${extra.id}/refund`, { amount: 100, reason: "other" }), 422, "order_not_refundable");
    const captured = expectStatus(await admin(`/admin/payments/${extra.id}/capture`, {}), 200).payment;
    expect(captured).toMatchObject({ id: extra.id, order_id: order.id, captured_at: expect.any(String) });
    expectCode(await admin(`/admin/payments/${extra.id}/capture`, {}), 422, "payment_not_capturable");
    // The order's own payment still waits: its status follows once both are captured.
    expect(expectStatus(await admin(`/admin/orders/${order.id}`), 200).order.payment_status).toBe("awaiting");
    const original = order.payments[0];
    expectStatus(await admin(`/admin/payments/${original.id}/capture`, {}), 200);
    expect(expectStatus(await admin(`/admin/orders/${order.id}`), 200).order).toMatchObject({ payment_status: "captured", paid_total: 6250 });

    const refund = expectStatus(await admin(`/admin/payments/${extra.id}/refund`, { amount: 2000, reason: "discount", note: "Goodwill" }), 200).refund;
    expect(refund).toMatchObject({ amount: 2000, reason: "discount", note: "Goodwill", order_id: order.id, payment_id: extra.id });
    expectCode(await admin(`/admin/payments/${extra.id}/refund`, { amount: 501, reason: "other" }), 400, "refund_exceeds_captured");
    expectCode(await admin(`/admin/payments/${extra.id}/refund`, { amount: 0, reason: "other" }), 400, "invalid_request");
    expect(expectStatus(await admin(`/admin/payments/${extra.id}`), 200).payment.amount_refunded).toBe(2000);
    expect(expectStatus(await admin(`/admin/orders/${order.id}`), 200).order).toMatchObject({ payment_status: "partially_refunded", refunded_total: 2000 });
  });

  // A race (tag `race`): on PostgreSQL the refunds run at once and the order's
  // claim makes them take turns; on SQLite transactions take turns anyway, so
  // this cannot fail there for want of the claim.
  it("never refunds a payment past its amount under 10 concurrent refunds (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: variant, quantity: 1 }] });
    const order = expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data;
    const payment = order.payments[0];
    expectStatus(await admin(`/admin/payments/${payment.id}/capture`, {}), 200);
    const results = await Promise.all(Array.from({ length: 10 }, () => admin(`/admin/payments/${payment.id}/refund`, { amount: 1000, reason: "other" })));
    const won = results.filter((r) => r.status === 200);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect([409, 400, 422], JSON.stringify(r.body)).toContain(r.status);
      expect(["order_action_in_progress", "refund_exceeds_captured", "order_not_refundable"]).toContain(r.body.code);
    }
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(won.length).toBeLessThanOrEqual(3);
    const after = expectStatus(await admin(`/admin/payments/${payment.id}`), 200).payment;
    expect(after.amount_refunded).toBe(won.length * 1000);
    expect(after.amount_refunded).toBeLessThanOrEqual(after.amount);
  });

  // A race (tag `race`): on PostgreSQL the ten authorizations run at once, and
  // the conditional UPDATE of the session is what records one payment; on
  // SQLite transactions take turns, so this cannot fail there for want of it.
  it("records one payment for 10 concurrent authorizations of a session (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const { edit } = await requestedEdit();
    const id = edit.payment_collection_id;
    const session = expectStatus(await shop(`/store/payment-collections/${id}/sessions`, { provider_id: "manual" }), 200).payment_collection.payment_sessions[0];
    const results = await Promise.all(Array.from({ length: 10 }, () => shop(`/store/payment-collections/${id}/sessions/batch/authorize`, { session_ids: [session.id] })));
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = expectStatus(await shop(`/store/payment-collections/${id}`), 200).payment_collection;
    expect(after).toMatchObject({ status: "authorized", authorized_amount: 2500 });
    expect(after.payments).toHaveLength(1);
  });
});
