import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus, readyCart, SHIPPING_ADDRESS } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

type Doc = { paths: Record<string, Record<string, any>>; components: Record<string, any> };

/**
 * A store driven through a whole sale and the admin's lists, every answer
 * checked against the response schema its route declares in the store's own
 * `GET /openapi.json` (ajv, JSON Schema 2020-12).
 */
describe.each(DATABASES)("OpenAPI response schemas on $name", ({ name }) => {
  let store: Store;
  let doc: Doc;
  let ajv: Ajv2020;
  const checked: string[] = [];

  /** Sends a request and checks its 200 body against `METHOD path` of the document. */
  async function call(method: string, route: string, path: string, init: { body?: unknown; admin?: boolean; headers?: Record<string, string> } = {}) {
    const send = init.admin ? store.admin : store.request;
    const res = await send(path, { method, body: init.body, headers: init.headers });
    const body = expectStatus(res, 200);
    const operation = doc.paths[route]?.[method.toLowerCase()];
    expect(operation, `${method} ${route} is in the document`).toBeDefined();
    expect(operation["x-kiosk-response"], `${method} ${route} declares its response`).toBeUndefined();
    const validate = ajv.compile({ $ref: `https://kiosk.test/openapi.json#/paths/${pointer(route)}/${method.toLowerCase()}/responses/200/content/application~1json/schema` });
    expect(validate(body), `${method} ${route}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    checked.push(`${method} ${route}`);
    return body;
  }

  beforeAll(async () => {
    store = await startStore(name, "openapi", { config: { http: { openapi: true } } });
    doc = expectStatus(await store.request("/openapi.json"), 200);
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...doc, $id: "https://kiosk.test/openapi.json" });
  });
  afterAll(() => store?.close());

  it("serves a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("declares the answer of every core route (a body schema, or none: 204 / an empty 200)", () => {
    const undeclared = Object.entries(doc.paths).flatMap(([route, operations]) =>
      Object.entries(operations as Record<string, Record<string, unknown>>)
        .filter(([, operation]) => operation["x-kiosk-response"])
        .map(([method]) => `${method.toUpperCase()} ${route}`),
    );
    expect(undeclared).toEqual([]);
  });

  it("answers a sale and the admin's lists as the document says", async () => {
    const region = await call("POST", "/admin/regions", "/admin/regions", {
      admin: true,
      body: { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] },
    }).then((b) => b.region);
    const collection = await call("POST", "/admin/collections", "/admin/collections", { admin: true, body: { title: "Summer" } });
    await call("POST", "/admin/product-categories", "/admin/product-categories", { admin: true, body: { name: "Shirts", is_active: true } });
    const product = await call("POST", "/admin/products", "/admin/products", {
      admin: true,
      body: {
        title: "Shirt",
        status: "published",
        collection_id: collection.collection.id,
        options: [{ title: "Size" }],
        variants: [{ title: "M", options: [{ value: "M" }], inventory_quantity: 10, prices: [{ amount: 2500, currency_code: "dkk" }] }],
      },
    }).then((b) => b.product);
    const option = await call("POST", "/admin/shipping-options", "/admin/shipping-options", {
      admin: true,
      body: { name: "Standard", region_id: region.id, provider_id: "manual", price_type: "flat_rate", amount: 500 },
    }).then((b) => b.shipping_option);
    await call("POST", "/admin/discounts", "/admin/discounts", {
      admin: true,
      body: { code: "TENOFF", rule: { type: "percentage", value: 10, allocation: "total" }, regions: [region.id] },
    });

    await call("GET", "/store/regions", "/store/regions");
    await call("GET", "/store/regions/{id}", `/store/regions/${region.id}`);
    await call("GET", "/store/collections", "/store/collections");
    await call("GET", "/store/product-categories", "/store/product-categories");
    await call("GET", "/store/products", `/store/products?region_id=${region.id}`);
    await call("GET", "/store/products/{id}", `/store/products/${product.id}?region_id=${region.id}`);

    await call("POST", "/store/customers", "/store/customers", { body: { email: "ada@kiosk.test", password: "supersecret", first_name: "Ada", last_name: "L" } });
    const token = await call("POST", "/store/auth/token", "/store/auth/token", { body: { email: "ada@kiosk.test", password: "supersecret" } });
    const customer = { authorization: `Bearer ${token.access_token}` };
    await call("GET", "/store/customers/me", "/store/customers/me", { headers: customer });

    const giftCard = await call("POST", "/admin/gift-cards", "/admin/gift-cards", { admin: true, body: { value: 500, region_id: region.id } }).then((b) => b.gift_card);
    await call("GET", "/store/gift-cards/{code}", `/store/gift-cards/${giftCard.code}`);
    const cart = await call("POST", "/store/carts", "/store/carts", { body: { region_id: region.id }, headers: customer }).then((b) => b.cart);
    const id = cart.id;
    await call("POST", "/store/carts/{id}/line-items", `/store/carts/${id}/line-items`, { body: { variant_id: product.variants[0].id, quantity: 2 }, headers: customer });
    await call("POST", "/store/carts/{id}", `/store/carts/${id}`, {
      body: { shipping_address: SHIPPING_ADDRESS, discounts: [{ code: "TENOFF" }], gift_cards: [{ code: giftCard.code }] },
      headers: customer,
    });
    await call("GET", "/store/shipping-options/{cart_id}", `/store/shipping-options/${id}`);
    await call("POST", "/store/carts/{id}/shipping-methods", `/store/carts/${id}/shipping-methods`, { body: { option_id: option.id }, headers: customer });
    await call("POST", "/store/carts/{id}/payment-sessions", `/store/carts/${id}/payment-sessions`, { headers: customer });
    await call("POST", "/store/carts/{id}/payment-session", `/store/carts/${id}/payment-session`, { body: { provider_id: "manual" }, headers: customer });
    await call("GET", "/store/carts/{id}", `/store/carts/${id}`, { headers: customer });
    const completed = await call("POST", "/store/carts/{id}/complete", `/store/carts/${id}/complete`, { headers: customer });
    expect(completed.type).toBe("order");
    expect(completed.data.gift_card_transactions).toHaveLength(1);
    const orderId = completed.data.id;
    await call("GET", "/store/orders/{id}", `/store/orders/${orderId}`, { headers: customer });
    await call("GET", "/store/customers/me/orders", "/store/customers/me/orders", { headers: customer });

    await call("GET", "/admin/orders", "/admin/orders", { admin: true });
    await call("GET", "/admin/orders/{id}", `/admin/orders/${orderId}`, { admin: true });
    await call("GET", "/admin/customers", "/admin/customers", { admin: true });
    await call("GET", "/admin/products", "/admin/products", { admin: true });
    await call("GET", "/admin/products/{id}", `/admin/products/${product.id}`, { admin: true });
    await call("GET", "/admin/regions", "/admin/regions", { admin: true });
    await call("GET", "/admin/discounts", "/admin/discounts", { admin: true });
    const dynamic = await call("POST", "/admin/discounts", "/admin/discounts", {
      admin: true,
      body: { code: "DYN", rule: { type: "percentage", value: 5, conditions: [{ operator: "in", products: [product.id] }] }, regions: [region.id], is_dynamic: true, valid_duration: "P1M" },
    }).then((b) => b.discount);
    const dyn = `/admin/discounts/${dynamic.id}`;
    const cp = `${dyn}/conditions/${dynamic.rule.conditions[0].id}`;
    const conditionPath = "/admin/discounts/{id}/conditions/{condition_id}";
    await call("POST", "/admin/discounts/{id}/conditions", `${dyn}/conditions`, { admin: true, body: { operator: "not_in", product_collections: [collection.collection.id] } });
    await call("GET", conditionPath, cp, { admin: true });
    await call("POST", conditionPath, cp, { admin: true, body: { products: [product.id] } });
    await call("POST", `${conditionPath}/batch`, `${cp}/batch`, { admin: true, body: { resources: [{ id: "prod_other" }] } });
    await call("DELETE", `${conditionPath}/batch`, `${cp}/batch`, { admin: true, body: { resources: [{ id: "prod_other" }] } });
    await call("POST", "/admin/discounts/{id}/dynamic-codes", `${dyn}/dynamic-codes`, { admin: true, body: { code: "DYN-1" } });
    await call("DELETE", "/admin/discounts/{id}/dynamic-codes/{code}", `${dyn}/dynamic-codes/DYN-1`, { admin: true });
    await call("DELETE", conditionPath, cp, { admin: true });
    await call("GET", "/admin/users", "/admin/users", { admin: true });
    await call("GET", "/admin/shipping-options", "/admin/shipping-options", { admin: true });
    await call("GET", "/admin/gift-cards", "/admin/gift-cards", { admin: true });
    await call("GET", "/admin/gift-cards/{id}", `/admin/gift-cards/${giftCard.id}`, { admin: true });
    await call("POST", "/admin/gift-cards/{id}", `/admin/gift-cards/${giftCard.id}`, { admin: true, body: { is_disabled: true } });
    await call("DELETE", "/admin/gift-cards/{id}", `/admin/gift-cards/${giftCard.id}`, { admin: true });
    const editPath = "/admin/order-edits/{id}";
    const edited = await call("POST", "/admin/order-edits", "/admin/order-edits", { admin: true, body: { order_id: orderId } }).then((b) => b.order_edit);
    const ep = `/admin/order-edits/${edited.id}`;
    await call("POST", `${editPath}/items`, `${ep}/items`, { admin: true, body: { variant_id: product.variants[0].id, quantity: 1 } });
    await call("POST", `${editPath}/items/{item_id}`, `${ep}/items/${edited.items[0].id}`, { admin: true, body: { quantity: 3 } });
    await call("GET", "/admin/order-edits", "/admin/order-edits", { admin: true });
    await call("GET", editPath, ep, { admin: true });
    await call("POST", `${editPath}/request`, `${ep}/request`, { admin: true, body: {} });
    await call("GET", "/store/order-edits/{id}", `/store/order-edits/${edited.id}`, { headers: customer });
    await call("POST", `${editPath}/confirm`, `${ep}/confirm`, { admin: true, body: {} });
    const declined = await call("POST", "/admin/order-edits", "/admin/order-edits", { admin: true, body: { order_id: orderId } }).then((b) => b.order_edit);
    const dp = `/admin/order-edits/${declined.id}`;
    const removed = await call("DELETE", `${editPath}/items/{item_id}`, `${dp}/items/${declined.items[0].id}`, { admin: true }).then((b) => b.order_edit);
    await call("DELETE", `${editPath}/changes/{change_id}`, `${dp}/changes/${removed.changes[0].id}`, { admin: true });
    await call("POST", editPath, dp, { admin: true, body: { internal_note: "Asked by phone" } });
    await call("POST", "/admin/order-edits/{id}/items", `${dp}/items`, { admin: true, body: { variant_id: product.variants[0].id, quantity: 1 } });
    await call("POST", `${editPath}/request`, `${dp}/request`, { admin: true, body: {} });
    await call("POST", "/store/order-edits/{id}/decline", `/store/order-edits/${declined.id}/decline`, { headers: customer, body: { declined_reason: "No" } });
    const unsent = await call("POST", "/admin/order-edits", "/admin/order-edits", { admin: true, body: { order_id: orderId } }).then((b) => b.order_edit);
    await call("DELETE", editPath, `/admin/order-edits/${unsent.id}`, { admin: true });
    const smaller = await call("POST", "/admin/order-edits", "/admin/order-edits", { admin: true, body: { order_id: orderId } }).then((b) => b.order_edit);
    const sp = `/admin/order-edits/${smaller.id}`;
    // The line of three units (an edit's copies share one created_at, so their order is not fixed).
    const three = smaller.items.find((i: { quantity: number }) => i.quantity === 3);
    await call("POST", `${editPath}/items/{item_id}`, `${sp}/items/${three.id}`, { admin: true, body: { quantity: 1 } });
    await call("POST", `${editPath}/request`, `${sp}/request`, { admin: true, body: {} });
    await call("POST", "/store/order-edits/{id}/complete", `/store/order-edits/${smaller.id}/complete`, { headers: customer, body: {} });
    const canceled = await call("POST", "/admin/order-edits", "/admin/order-edits", { admin: true, body: { order_id: orderId } }).then((b) => b.order_edit);
    await call("POST", `${editPath}/cancel`, `/admin/order-edits/${canceled.id}/cancel`, { admin: true, body: {} });
    const owing = await call("POST", "/admin/order-edits", "/admin/order-edits", { admin: true, body: { order_id: orderId } }).then((b) => b.order_edit);
    await call("POST", `${editPath}/items`, `/admin/order-edits/${owing.id}/items`, { admin: true, body: { variant_id: product.variants[0].id, quantity: 1 } });
    const collectionId = await call("POST", `${editPath}/request`, `/admin/order-edits/${owing.id}/request`, { admin: true, body: {} }).then((b) => b.order_edit.payment_collection_id);
    const pc = `/store/payment-collections/${collectionId}`;
    await call("GET", "/store/payment-collections/{id}", pc);
    const amount = await call("GET", "/admin/payment-collections/{id}", `/admin/payment-collections/${collectionId}`, { admin: true }).then((b) => b.payment_collection.amount);
    await call("POST", "/admin/payment-collections/{id}", `/admin/payment-collections/${collectionId}`, { admin: true, body: { description: "Owed" } });
    const sessionId = await call("POST", "/store/payment-collections/{id}/sessions", `${pc}/sessions`, { body: { provider_id: "manual" } }).then((b) => b.payment_collection.payment_sessions[0].id);
    await call("POST", "/store/payment-collections/{id}/sessions/{session_id}", `${pc}/sessions/${sessionId}`, { body: {} });
    const batch = await call("POST", "/store/payment-collections/{id}/sessions/batch", `${pc}/sessions/batch`, {
      body: { sessions: [{ provider_id: "manual", amount: amount - 1 }, { provider_id: "manual", amount: 1 }] },
    }).then((b) => b.payment_collection.payment_sessions.map((s: { id: string }) => s.id));
    await call("POST", "/store/payment-collections/{id}/sessions/{session_id}/authorize", `${pc}/sessions/${batch[0]}/authorize`, { body: {} });
    const paymentId = await call("POST", "/store/payment-collections/{id}/sessions/batch/authorize", `${pc}/sessions/batch/authorize`, { body: { session_ids: [batch[1]] } })
      .then((b) => b.payment_collection.payments[0].id);
    await call("POST", "/store/order-edits/{id}/decline", `/store/order-edits/${owing.id}/decline`, { headers: customer, body: {} });
    await call("GET", "/admin/payments/{id}", `/admin/payments/${paymentId}`, { admin: true });
    const unpaid = await call("POST", "/admin/order-edits", "/admin/order-edits", { admin: true, body: { order_id: orderId } }).then((b) => b.order_edit);
    await call("POST", `${editPath}/items`, `/admin/order-edits/${unpaid.id}/items`, { admin: true, body: { variant_id: product.variants[0].id, quantity: 1 } });
    const unpaidCollection = await call("POST", `${editPath}/request`, `/admin/order-edits/${unpaid.id}/request`, { admin: true, body: {} }).then((b) => b.order_edit.payment_collection_id);
    await call("POST", "/admin/payment-collections/{id}/authorize", `/admin/payment-collections/${unpaidCollection}/authorize`, { admin: true, body: {} });
    await call("POST", `${editPath}/cancel`, `/admin/order-edits/${unpaid.id}/cancel`, { admin: true, body: {} });
    const dropped = await call("POST", "/admin/order-edits", "/admin/order-edits", { admin: true, body: { order_id: orderId } }).then((b) => b.order_edit);
    await call("POST", `${editPath}/items`, `/admin/order-edits/${dropped.id}/items`, { admin: true, body: { variant_id: product.variants[0].id, quantity: 1 } });
    const droppedCollection = await call("POST", `${editPath}/request`, `/admin/order-edits/${dropped.id}/request`, { admin: true, body: {} }).then((b) => b.order_edit.payment_collection_id);
    await call("DELETE", "/admin/payment-collections/{id}", `/admin/payment-collections/${droppedCollection}`, { admin: true });
    await call("POST", `${editPath}/cancel`, `/admin/order-edits/${dropped.id}/cancel`, { admin: true, body: {} });
    const payments = await call("GET", "/admin/orders/{id}", `/admin/orders/${orderId}`, { admin: true }).then((b) => b.order.payments);
    for (const p of payments) await call("POST", "/admin/payments/{id}/capture", `/admin/payments/${p.id}/capture`, { admin: true, body: {} });
    await call("POST", "/admin/payments/{id}/refund", `/admin/payments/${payments[0].id}/refund`, { admin: true, body: { amount: 1, reason: "other" } });
    const reason = await call("POST", "/admin/return-reasons", "/admin/return-reasons", { admin: true, body: { value: "size", label: "Size" } });
    await call("POST", "/admin/return-reasons", "/admin/return-reasons", {
      admin: true,
      body: { value: "small", label: "Too small", parent_return_reason_id: reason.return_reason.id },
    });
    await call("GET", "/admin/return-reasons", "/admin/return-reasons", { admin: true });
    await call("GET", "/store/return-reasons", "/store/return-reasons");
    await call("GET", "/store/return-reasons/{id}", `/store/return-reasons/${reason.return_reason.id}`);

    // A sale of its own (the order edits above changed the first one's lines and payments), shipped, then claims and returns:
    // a customer's return, received; the admin's, canceled; the admin's, received on the older path.
    {
      const returnsCart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: product.variants[0].id, quantity: 2 }] });
      const sold = expectStatus(await store.request(`/store/carts/${returnsCart.id}/complete`, { method: "POST" }), 200).data;
      const orderId = sold.id;
      const line = sold.items[0].id;
      await call("POST", "/admin/orders/{id}/capture", `/admin/orders/${orderId}/capture`, { admin: true, body: {} });
      const fulfilled = await call("POST", "/admin/orders/{id}/fulfillment", `/admin/orders/${orderId}/fulfillment`, { admin: true, body: { items: [{ item_id: line, quantity: 2 }] } });
      const fulfillment_id = fulfilled.order.fulfillments[0].id;
      await call("POST", "/admin/orders/{id}/shipment", `/admin/orders/${orderId}/shipment`, { admin: true, body: { fulfillment_id } });
      // Claims: a replace claim, updated, fulfilled, its fulfillment canceled, fulfilled again and shipped; a refund claim of nothing, canceled.
      const replaced = await call("POST", "/admin/orders/{id}/claims", `/admin/orders/${orderId}/claims`, {
        admin: true,
        body: {
          type: "replace",
          claim_items: [{ item_id: line, quantity: 1, reason: "production_failure", tags: ["broken"] }],
          additional_items: [{ variant_id: product.variants[0].id, quantity: 1 }],
          shipping_methods: [{ option_id: option.id, price: 0 }],
        },
      });
      const claimPath = `/admin/orders/${orderId}/claims/${replaced.order.claims[0].id}`;
      await call("POST", "/admin/orders/{id}/claims/{claim_id}", claimPath, { admin: true, body: { no_notification: true, metadata: { ticket: "T-1" } } });
      const sent = await call("POST", "/admin/orders/{id}/claims/{claim_id}/fulfillments", `${claimPath}/fulfillments`, { admin: true, body: {} });
      const cancelPath = `${claimPath}/fulfillments/${sent.order.claims[0].fulfillments[0].id}/cancel`;
      await call("POST", "/admin/orders/{id}/claims/{claim_id}/fulfillments/{fulfillment_id}/cancel", cancelPath, { admin: true, body: {} });
      const resent = await call("POST", "/admin/orders/{id}/claims/{claim_id}/fulfillments", `${claimPath}/fulfillments`, { admin: true, body: {} });
      await call("POST", "/admin/orders/{id}/claims/{claim_id}/shipments", `${claimPath}/shipments`, {
        admin: true,
        body: { fulfillment_id: resent.order.claims[0].fulfillments[1].id, tracking_numbers: ["TRK-1"] },
      });
      const refundClaim = await call("POST", "/admin/orders/{id}/claims", `/admin/orders/${orderId}/claims`, {
        admin: true,
        body: { type: "refund", claim_items: [{ item_id: line, quantity: 1 }], refund_amount: 0 },
      });
      const refundClaimPath = `/admin/orders/${orderId}/claims/${refundClaim.order.claims[1].id}/cancel`;
      await call("POST", "/admin/orders/{id}/claims/{claim_id}/cancel", refundClaimPath, { admin: true, body: {} });
      const returned = await call("POST", "/store/returns", "/store/returns", { body: { order_id: orderId, items: [{ item_id: line, quantity: 1, reason_id: reason.return_reason.id }] } });
      await call("GET", "/admin/returns", "/admin/returns", { admin: true });
      await call("POST", "/admin/returns/{id}/receive", `/admin/returns/${returned.return.id}/receive`, { admin: true, body: { items: [{ item_id: line, quantity: 1 }] } });
      const requested = await call("POST", "/admin/orders/{id}/return", `/admin/orders/${orderId}/return`, { admin: true, body: { items: [{ item_id: line, quantity: 1 }] } });
      await call("POST", "/admin/returns/{id}/cancel", `/admin/returns/${requested.order.returns[1].id}/cancel`, { admin: true, body: {} });
      const again = await call("POST", "/admin/orders/{id}/return", `/admin/orders/${orderId}/return`, { admin: true, body: { items: [{ item_id: line, quantity: 1 }] } });
      const receivePath = `/admin/orders/${orderId}/returns/${again.order.returns[2].id}/receive`;
      const received = await call("POST", "/admin/orders/{id}/returns/{return_id}/receive", receivePath, { admin: true, body: { items: [{ item_id: line, quantity: 1 }] } });
      expect(received.order.fulfillment_status).toBe("returned");
    }
    await call("DELETE", "/admin/return-reasons/{id}", `/admin/return-reasons/${reason.return_reason.id}`, { admin: true });
    await call("GET", "/admin/currencies", "/admin/currencies", { admin: true });
    await call("GET", "/admin/products/{id}/variants", `/admin/products/${product.id}/variants`, { admin: true });
    await call("GET", "/store/auth/{email}", "/store/auth/nobody%40kiosk.test");

    const draftBody = {
      email: "draft@kiosk.test",
      region_id: region.id,
      items: [{ variant_id: product.variants[0].id, quantity: 1, unit_price: 2000 }, { title: "Gift wrap", unit_price: 100, quantity: 1 }],
      shipping_methods: [{ option_id: option.id }],
      shipping_address: SHIPPING_ADDRESS,
    };
    const draft = await call("POST", "/admin/draft-orders", "/admin/draft-orders", { admin: true, body: draftBody }).then((b) => b.draft_order);
    const draftPath = `/admin/draft-orders/${draft.id}`;
    await call("GET", "/admin/draft-orders", "/admin/draft-orders", { admin: true });
    await call("GET", "/admin/draft-orders/{id}", draftPath, { admin: true });
    await call("POST", "/admin/draft-orders/{id}", draftPath, { admin: true, body: { no_notification_order: true } });
    const withLine = await call("POST", "/admin/draft-orders/{id}/line-items", `${draftPath}/line-items`, { admin: true, body: { title: "Card", quantity: 1 } });
    const lineId = withLine.draft_order.cart.items[2].id;
    await call("POST", "/admin/draft-orders/{id}/line-items/{line_id}", `${draftPath}/line-items/${lineId}`, { admin: true, body: { unit_price: 5 } });
    await call("DELETE", "/admin/draft-orders/{id}/line-items/{line_id}", `${draftPath}/line-items/${lineId}`, { admin: true });
    const paid = await call("POST", "/admin/draft-orders/{id}/pay", `${draftPath}/pay`, { admin: true });
    expect(paid.order.payment_status).toBe("captured");
    const spare = await call("POST", "/admin/draft-orders", "/admin/draft-orders", { admin: true, body: draftBody }).then((b) => b.draft_order);
    await call("DELETE", "/admin/draft-orders/{id}", `/admin/draft-orders/${spare.id}`, { admin: true });
    const batchJob = await call("POST", "/admin/batch-jobs", "/admin/batch-jobs", { admin: true, body: { type: "product-export", context: {}, dry_run: true } }).then((b) => b.batch_job);
    await call("GET", "/admin/batch-jobs", "/admin/batch-jobs", { admin: true });
    const batchPath = `/admin/batch-jobs/${batchJob.id}`;
    for (let tries = 0; (await call("GET", "/admin/batch-jobs/{id}", batchPath, { admin: true })).batch_job.status !== "pre_processed"; tries++) {
      if (tries > 200) throw new Error("the batch job was never pre-processed");
      await new Promise((r) => setTimeout(r, 50));
    }
    const confirmed = await call("POST", "/admin/batch-jobs/{id}/confirm", `${batchPath}/confirm`, { admin: true });
    expect(confirmed.batch_job.status).not.toBe("pre_processed");
    const spareJob = await call("POST", "/admin/batch-jobs", "/admin/batch-jobs", { admin: true, body: { type: "order-export", context: {}, dry_run: true } }).then((b) => b.batch_job);
    await call("POST", "/admin/batch-jobs/{id}/cancel", `/admin/batch-jobs/${spareJob.id}/cancel`, { admin: true });
    await call("GET", "/admin/store", "/admin/store", { admin: true });
    await call("POST", "/admin/store", "/admin/store", { admin: true, body: { name: "Documented", invite_link_template: "https://x.test/{invite_token}" } });
    await call("POST", "/admin/store/currencies/{code}", "/admin/store/currencies/dkk", { admin: true });
    await call("DELETE", "/admin/store/currencies/{code}", "/admin/store/currencies/dkk", { admin: true });
    await call("GET", "/admin/store/payment-providers", "/admin/store/payment-providers", { admin: true });
    await call("GET", "/admin/store/tax-providers", "/admin/store/tax-providers", { admin: true });
    expectStatus(await store.admin("/admin/invites", { body: { user: "invitee@kiosk.test", role: "member" } }), 200);
    const invites = await call("GET", "/admin/invites", "/admin/invites", { admin: true });
    await call("DELETE", "/admin/invites/{invite_id}", `/admin/invites/${invites.invites[0].id}`, { admin: true });
    await call("GET", "/admin/regions/{id}/fulfillment-options", `/admin/regions/${region.id}/fulfillment-options`, { admin: true });
    await call("GET", "/admin/shipping-profiles", "/admin/shipping-profiles", { admin: true });
    const profile = await call("POST", "/admin/shipping-profiles", "/admin/shipping-profiles", { admin: true, body: { name: "Bulky", type: "custom" } });
    const profilePath = `/admin/shipping-profiles/${profile.shipping_profile.id}`;
    await call("GET", "/admin/shipping-profiles/{id}", profilePath, { admin: true });
    await call("POST", "/admin/shipping-profiles/{id}", profilePath, { admin: true, body: { name: "Heavy" } });
    await call("DELETE", "/admin/shipping-profiles/{id}", profilePath, { admin: true });
    expect(checked.length).toBeGreaterThan(30);
  });

  it("answers uploads, download URLs and product search as the document says", async () => {
    const form = new FormData();
    form.append("files", new Blob([Buffer.from("89504e470d0a1a0a", "hex")], { type: "image/png" }), "a.png");
    const sent = await fetch(store.server.url + "/admin/uploads", { method: "POST", body: form, headers: store.adminHeaders });
    const body = await sent.json();
    expect(sent.status).toBe(200);
    const validate = ajv.compile({ $ref: `https://kiosk.test/openapi.json#/paths/${pointer("/admin/uploads")}/post/responses/200/content/application~1json/schema` });
    expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
    const key = body.uploads[0].key;
    expect(doc.paths["/uploads/{name}"].get.responses["200"].content["application/octet-stream"]).toBeDefined();
    expect(doc.paths["/uploads/protected/{name}"].get.responses["200"].content["application/octet-stream"]).toBeDefined();
    await call("POST", "/admin/uploads/download-url", "/admin/uploads/download-url", { admin: true, body: { file_key: key } });
    await call("DELETE", "/admin/uploads", "/admin/uploads", { admin: true, body: { file_key: key } });
    await call("POST", "/store/products/search", "/store/products/search", { body: { q: "shirt" } });
  });

  it("answers the catalog's types, variants, options, metadata, tag usage and batches as the document says", async () => {
    const admin = { admin: true };
    const region = await call("POST", "/admin/regions", "/admin/regions", { admin: true, body: { name: "Catalog", currency_code: "eur", tax_rate: 0, countries: [] } });
    const product = await call("POST", "/admin/products", "/admin/products", {
      admin: true,
      body: {
        title: "Typed",
        status: "published",
        type: { value: "Apparel" },
        tags: [{ value: "cotton" }],
        options: [{ title: "Size" }],
        variants: [{ title: "S", options: [{ value: "S" }], prices: [{ amount: 100, currency_code: "eur" }] }],
      },
    }).then((b) => b.product);
    const variantId = product.variants[0].id;
    await call("GET", "/store/product-types", "/store/product-types");
    await call("GET", "/admin/product-types", "/admin/product-types", admin);
    await call("GET", "/admin/products/types", "/admin/products/types", admin);
    await call("GET", "/admin/products/tag-usage", "/admin/products/tag-usage", admin);
    await call("GET", "/store/variants", `/store/variants?ids=${variantId}&region_id=${region.region.id}`);
    await call("GET", "/store/variants/{id}", `/store/variants/${variantId}?currency_code=eur`);
    await call("GET", "/admin/variants", "/admin/variants?q=typed", admin);
    const added = await call("POST", "/admin/products/{id}/options", `/admin/products/${product.id}/options`, { admin: true, body: { title: "Color" } });
    const color = added.product.options[1].id;
    await call("POST", "/admin/products/{id}/options/{option_id}", `/admin/products/${product.id}/options/${color}`, { admin: true, body: { title: "Colour" } });
    await call("DELETE", "/admin/products/{id}/options/{option_id}", `/admin/products/${product.id}/options/${color}`, admin);
    await call("POST", "/admin/products/{id}/metadata", `/admin/products/${product.id}/metadata`, { admin: true, body: { key: "a", value: "b" } });
    const collection = await call("POST", "/admin/collections", "/admin/collections", { admin: true, body: { title: "Batch" } });
    const batch = { admin: true, body: { product_ids: [product.id] } };
    await call("POST", "/admin/collections/{id}/products/batch", `/admin/collections/${collection.collection.id}/products/batch`, batch);
    await call("DELETE", "/admin/collections/{id}/products/batch", `/admin/collections/${collection.collection.id}/products/batch`, { ...batch, admin: true });
    const category = await call("POST", "/admin/product-categories", "/admin/product-categories", { admin: true, body: { name: "Batch" } });
    const linked = { admin: true, body: { product_ids: [{ id: product.id }] } };
    await call("POST", "/admin/product-categories/{id}/products/batch", `/admin/product-categories/${category.product_category.id}/products/batch`, linked);
    await call("DELETE", "/admin/product-categories/{id}/products/batch", `/admin/product-categories/${category.product_category.id}/products/batch`, linked);
  });

  it("answers sales channels and publishable API keys as the document says", async () => {
    const admin = { admin: true };
    const product = await call("POST", "/admin/products", "/admin/products", { admin: true, body: { title: "Channeled", status: "published" } }).then((b) => b.product);
    const created = await call("POST", "/admin/sales-channels", "/admin/sales-channels", { admin: true, body: { name: "Web", description: "Site" } });
    const sc = `/admin/sales-channels/${created.sales_channel.id}`;
    await call("GET", "/admin/sales-channels", "/admin/sales-channels", admin);
    await call("GET", "/admin/sales-channels/{id}", sc, admin);
    await call("POST", "/admin/sales-channels/{id}", sc, { admin: true, body: { is_disabled: true } });
    const products = { admin: true, body: { product_ids: [{ id: product.id }] } };
    await call("POST", "/admin/sales-channels/{id}/products/batch", `${sc}/products/batch`, products);
    await call("DELETE", "/admin/sales-channels/{id}/products/batch", `${sc}/products/batch`, products);
    const key = await call("POST", "/admin/publishable-api-keys", "/admin/publishable-api-keys", { admin: true, body: { title: "Front" } });
    const pk = `/admin/publishable-api-keys/${key.publishable_api_key.id}`;
    await call("GET", "/admin/publishable-api-keys", "/admin/publishable-api-keys", admin);
    await call("GET", "/admin/publishable-api-keys/{id}", pk, admin);
    await call("POST", "/admin/publishable-api-keys/{id}", pk, { admin: true, body: { title: "Front door" } });
    const channels = { admin: true, body: { sales_channel_ids: [{ id: created.sales_channel.id }] } };
    await call("POST", "/admin/publishable-api-keys/{id}/sales-channels/batch", `${pk}/sales-channels/batch`, channels);
    await call("GET", "/admin/publishable-api-keys/{id}/sales-channels", `${pk}/sales-channels`, admin);
    await call("GET", "/store/products", "/store/products", { headers: { "x-publishable-api-key": key.publishable_api_key.id } });
    await call("DELETE", "/admin/publishable-api-keys/{id}/sales-channels/batch", `${pk}/sales-channels/batch`, channels);
    await call("POST", "/admin/publishable-api-keys/{id}/revoke", `${pk}/revoke`, admin);
    await call("DELETE", "/admin/publishable-api-keys/{id}", pk, admin);
    await call("DELETE", "/admin/sales-channels/{id}", sc, admin);
  });

  it("answers customer groups as the document says", async () => {
    const admin = { admin: true };
    const customer = await call("POST", "/admin/customers", "/admin/customers", {
      admin: true,
      body: { email: "grouped@kiosk.test", password: "longenough", first_name: "G", last_name: "Roup" },
    }).then((b) => b.customer);
    const created = await call("POST", "/admin/customer-groups", "/admin/customer-groups", { admin: true, body: { name: "VIP", metadata: { a: 1 } } });
    const groupPath = `/admin/customer-groups/${created.customer_group.id}`;
    await call("GET", "/admin/customer-groups", "/admin/customer-groups", admin);
    await call("GET", "/admin/customer-groups/{id}", groupPath, admin);
    await call("POST", "/admin/customer-groups/{id}", groupPath, { admin: true, body: { name: "VIPs" } });
    const members = { admin: true, body: { customer_ids: [{ id: customer.id }] } };
    await call("POST", "/admin/customer-groups/{id}/customers/batch", `${groupPath}/customers/batch`, members);
    await call("GET", "/admin/customer-groups/{id}/customers", `${groupPath}/customers`, admin);
    const shown = await call("GET", "/admin/customers/{id}", `/admin/customers/${customer.id}?expand=groups`, admin);
    expect(shown.customer.groups).toHaveLength(1);
    await call("POST", "/admin/customers/{id}", `/admin/customers/${customer.id}`, { admin: true, body: { groups: [{ id: created.customer_group.id }] } });
    await call("DELETE", "/admin/customer-groups/{id}/customers/batch", `${groupPath}/customers/batch`, members);
    await call("DELETE", "/admin/customer-groups/{id}", groupPath, admin);
  });

  it("answers price lists and the catalog priced by them as the document says", async () => {
    const admin = { admin: true };
    const region = await call("POST", "/admin/regions", "/admin/regions", {
      admin: true,
      body: { name: "Lists", currency_code: "sek", tax_rate: 25, countries: [] },
    }).then((b) => b.region);
    const product = await call("POST", "/admin/products", "/admin/products", {
      admin: true,
      body: { title: "Listed", status: "published", options: [{ title: "Size" }], variants: [{ title: "M", options: [{ value: "M" }], prices: [{ amount: 1000, currency_code: "sek" }] }] },
    }).then((b) => b.product);
    const variant_id = product.variants[0].id;
    const group = await call("POST", "/admin/customer-groups", "/admin/customer-groups", { admin: true, body: { name: "Listed" } });
    const created = await call("POST", "/admin/price-lists", "/admin/price-lists", {
      admin: true,
      body: {
        name: "Sale",
        description: "Summer",
        type: "sale",
        status: "active",
        prices: [{ variant_id, amount: 800, currency_code: "sek" }],
        customer_groups: [{ id: group.customer_group.id }],
      },
    });
    const listPath = `/admin/price-lists/${created.price_list.id}`;
    await call("GET", "/admin/price-lists", "/admin/price-lists", admin);
    await call("GET", "/admin/price-lists/{id}", listPath, admin);
    await call("POST", "/admin/price-lists/{id}", listPath, { admin: true, body: { customer_groups: [], ends_at: "2999-01-01T00:00:00Z" } });
    const added = await call("POST", "/admin/price-lists/{id}/prices/batch", `${listPath}/prices/batch`, {
      admin: true,
      body: { prices: [{ variant_id, amount: 700, region_id: region.id, min_quantity: 2 }] },
    });
    await call("GET", "/admin/price-lists/{id}/products", `${listPath}/products`, admin);
    const priced = await call("GET", "/store/products/{id}", `/store/products/${product.id}?region_id=${region.id}`);
    expect(priced.product.variants[0]).toMatchObject({ calculated_price: 800, calculated_price_type: "sale", original_price: 1000 });
    await call("DELETE", "/admin/price-lists/{id}/prices/batch", `${listPath}/prices/batch`, { admin: true, body: { price_ids: [added.price_list.prices[1].id] } });
    await call("DELETE", "/admin/price-lists/{id}/variants/{variant_id}/prices", `${listPath}/variants/${variant_id}/prices`, admin);
    await call("DELETE", "/admin/price-lists/{id}/products/{product_id}/prices", `${listPath}/products/${product.id}/prices`, admin);
    await call("DELETE", "/admin/price-lists/{id}", listPath, admin);
  });

  it("answers stock locations, inventory items, levels and reservations as the document says", async () => {
    const admin = { admin: true };
    const product = await call("POST", "/admin/products", "/admin/products", {
      admin: true,
      body: { title: "Stocked", status: "published", options: [{ title: "Size" }], variants: [{ title: "One", options: [{ value: "One" }], prices: [{ amount: 100, currency_code: "dkk" }] }] },
    }).then((b) => b.product);
    const body = { name: "Depot", address: { address_1: "1 Quay", country_code: "dk" } };
    const location = await call("POST", "/admin/stock-locations", "/admin/stock-locations", { admin: true, body }).then((b) => b.stock_location);
    const sl = `/admin/stock-locations/${location.id}`;
    await call("GET", "/admin/stock-locations", "/admin/stock-locations", admin);
    await call("GET", "/admin/stock-locations/{id}", sl, admin);
    await call("POST", "/admin/stock-locations/{id}", sl, { admin: true, body: { name: "Depot 2" } });
    const channel = (await call("GET", "/admin/sales-channels", "/admin/sales-channels", admin)).sales_channels[0];
    const link = { admin: true, body: { location_id: location.id } };
    await call("POST", "/admin/sales-channels/{id}/stock-locations", `/admin/sales-channels/${channel.id}/stock-locations`, link);
    const item = await call("POST", "/admin/inventory-items", "/admin/inventory-items", { admin: true, body: { variant_id: product.variants[0].id } }).then((b) => b.inventory_item);
    const ii = `/admin/inventory-items/${item.id}`;
    await call("POST", "/admin/inventory-items/{id}/location-levels", `${ii}/location-levels`, { admin: true, body: { location_id: location.id, stocked_quantity: 4 } });
    await call("POST", "/admin/inventory-items/{id}/location-levels/{location_id}", `${ii}/location-levels/${location.id}`, { admin: true, body: { stocked_quantity: 5 } });
    await call("GET", "/admin/inventory-items/{id}/location-levels", `${ii}/location-levels`, admin);
    await call("GET", "/admin/inventory-items", "/admin/inventory-items", admin);
    await call("GET", "/admin/inventory-items/{id}", ii, admin);
    await call("POST", "/admin/inventory-items/{id}", ii, { admin: true, body: { title: "Stocked one" } });
    await call("GET", "/admin/variants/{id}/inventory", `/admin/variants/${product.variants[0].id}/inventory`, admin);
    const reservation = await call("POST", "/admin/reservations", "/admin/reservations", { admin: true, body: { inventory_item_id: item.id, location_id: location.id, quantity: 1 } });
    const rs = `/admin/reservations/${reservation.reservation.id}`;
    await call("GET", "/admin/reservations", "/admin/reservations", admin);
    await call("GET", "/admin/reservations/{id}", rs, admin);
    await call("POST", "/admin/reservations/{id}", rs, { admin: true, body: { quantity: 2 } });
    await call("DELETE", "/admin/reservations/{id}", rs, admin);
    await call("DELETE", "/admin/inventory-items/{id}/location-levels/{location_id}", `${ii}/location-levels/${location.id}`, admin);
    await call("DELETE", "/admin/inventory-items/{id}", ii, admin);
    await call("DELETE", "/admin/sales-channels/{id}/stock-locations", `/admin/sales-channels/${channel.id}/stock-locations`, link);
    await call("DELETE", "/admin/stock-locations/{id}", sl, admin);
  });
});

/** A path as a JSON pointer segment (`/store/carts/{id}` -> `~1store~1carts~1{id}`), URI-encoded for a `$ref`. */
function pointer(route: string): string {
  return encodeURIComponent(route.replace(/~/g, "~0").replace(/\//g, "~1"));
}
