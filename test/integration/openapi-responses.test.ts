import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus, SHIPPING_ADDRESS } from "../helpers/checkout";
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

    const cart = await call("POST", "/store/carts", "/store/carts", { body: { region_id: region.id }, headers: customer }).then((b) => b.cart);
    const id = cart.id;
    await call("POST", "/store/carts/{id}/line-items", `/store/carts/${id}/line-items`, { body: { variant_id: product.variants[0].id, quantity: 2 }, headers: customer });
    await call("POST", "/store/carts/{id}", `/store/carts/${id}`, { body: { shipping_address: SHIPPING_ADDRESS, discounts: [{ code: "TENOFF" }] }, headers: customer });
    await call("GET", "/store/shipping-options/{cart_id}", `/store/shipping-options/${id}`);
    await call("POST", "/store/carts/{id}/shipping-methods", `/store/carts/${id}/shipping-methods`, { body: { option_id: option.id }, headers: customer });
    await call("POST", "/store/carts/{id}/payment-sessions", `/store/carts/${id}/payment-sessions`, { headers: customer });
    await call("POST", "/store/carts/{id}/payment-session", `/store/carts/${id}/payment-session`, { body: { provider_id: "manual" }, headers: customer });
    await call("GET", "/store/carts/{id}", `/store/carts/${id}`, { headers: customer });
    const completed = await call("POST", "/store/carts/{id}/complete", `/store/carts/${id}/complete`, { headers: customer });
    expect(completed.type).toBe("order");
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
    await call("GET", "/admin/users", "/admin/users", { admin: true });
    await call("GET", "/admin/shipping-options", "/admin/shipping-options", { admin: true });
    const reason = await call("POST", "/admin/return-reasons", "/admin/return-reasons", { admin: true, body: { value: "size", label: "Size" } });
    await call("POST", "/admin/return-reasons", "/admin/return-reasons", {
      admin: true,
      body: { value: "small", label: "Too small", parent_return_reason_id: reason.return_reason.id },
    });
    await call("GET", "/admin/return-reasons", "/admin/return-reasons", { admin: true });
    await call("GET", "/store/return-reasons", "/store/return-reasons");
    await call("GET", "/store/return-reasons/{id}", `/store/return-reasons/${reason.return_reason.id}`);

    // The order shipped, then returns: a customer's, received; the admin's, canceled; the admin's, received on the older path.
    const line = completed.data.items[0].id;
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
    await call("DELETE", "/admin/return-reasons/{id}", `/admin/return-reasons/${reason.return_reason.id}`, { admin: true });
    await call("GET", "/admin/currencies", "/admin/currencies", { admin: true });
    await call("GET", "/admin/products/{id}/variants", `/admin/products/${product.id}/variants`, { admin: true });
    await call("GET", "/store/auth/{email}", "/store/auth/nobody%40kiosk.test");
    expect(checked.length).toBeGreaterThan(30);
  });
});

/** A path as a JSON pointer segment (`/store/carts/{id}` -> `~1store~1carts~1{id}`), URI-encoded for a `$ref`. */
function pointer(route: string): string {
  return encodeURIComponent(route.replace(/~/g, "~0").replace(/\//g, "~1"));
}
