import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart, SHIPPING_ADDRESS } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

type Body = unknown;
type Res = Awaited<ReturnType<Store["request"]>>;

const NUL = "a\u0000b";
/** Strings no database should be handed: a NUL, lone surrogates of both halves, a pair written backwards. */
const BAD_TEXT = [NUL, "\u0000", "\ud800", "x\udfff", "\udc00\ud800"];

/** Body fields a route might take as text: every one of them gets a bad string. */
const TEXT_FIELDS = [
  "title", "name", "email", "password", "code", "handle", "q", "value", "first_name", "last_name", "description",
  "subtitle", "sku", "note", "reason", "tax_code", "phone", "company", "region_id", "variant_id", "provider_id",
  "option_id", "item_id", "fulfillment_id", "customer_id", "collection_id", "parent_category_id", "country_code",
  "currency_code", "thumbnail", "location_id", "sales_channel_id", "profile_id", "price_type", "type", "status", "role",
];

/** A body nested `levels` deep under `metadata` (as text: JSON.stringify itself overflows at 10,000). */
const deepMetadata = (levels: number) => `{"metadata":${'{"a":'.repeat(levels)}1${"}".repeat(levels + 1)}`;

/** Bodies every route must refuse at the kernel's edge, whatever it does with its body. */
const REFUSED_BODIES: Body[] = [
  ...TEXT_FIELDS.map((field, i) => ({ [field]: BAD_TEXT[i % BAD_TEXT.length] })),
  { [NUL]: 1 },
  { "\ud800": 1 },
  { metadata: { a: { b: NUL } } },
  { metadata: { [NUL]: "x" } },
  { metadata: { "\udfff": "x" } },
  { metadata: { a: ["ok", "\ud800"] } },
  { items: [{ variant_id: "\ud800", quantity: 1 }] },
  { shipping_address: { ...SHIPPING_ADDRESS, first_name: NUL } },
  { address: { ...SHIPPING_ADDRESS, city: "\udc00" } },
  { rule: { type: "fixed", value: 1, description: NUL } },
  { variants: [{ title: NUL }] },
  { prices: [{ amount: 1, currency_code: "\ud800" }] },
  { tags: [{ value: NUL }] },
  { countries: ["dk", NUL] },
  { discounts: [{ code: "\ud800" }] },
  { tracking_numbers: [NUL] },
  { data: { [NUL]: 1 } },
  { context: { ip: NUL } },
  deepMetadata(10_000),
  deepMetadata(32), // one level past the bound: the body is level 1, `metadata` 2, the 32nd nested object 33
  '{"amount":1e400}',
  '{"metadata":{"a":-1e400}}',
];

/** Metadata past its bounds: refused everywhere but under `/hooks/`, where a provider's documents keep their own. */
const OVERSIZED_METADATA: Body[] = [
  { metadata: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i])) },
  { metadata: { a: "x".repeat(16_400) } },
  { rule: { metadata: { a: ["x".repeat(8_000), "y".repeat(8_400)] } } },
];

/** Query strings every route must refuse at the edge. */
const REFUSED_QUERIES = [
  "?q=%00",
  "?q=a%00b",
  "?%00=1",
  "?id[]=ok&id[]=%00",
  "?expand=%00",
  "?fields=items%00",
  "?created_at[gt]=%00",
  "?metadata[%00]=1",
  "?email=x%00%40kiosk.test",
];

/** Path parameters every route must refuse: a NUL, a surrogate or an overlong NUL in UTF-8, a cut sequence. */
const REFUSED_PARAMS = ["%00", "a%00b", "%ED%A0%80", "%C0%80", "%F0%9F%98"];

/** Numbers and dates no column holds, in the fields that take them. */
const HUGE = [1e308, -1e308, 1e-300];
const BAD_DATES: unknown[] = ["-271821-04-20", "+275760-09-13", "0000-12-31T23:59:59Z", "10000-01-01", 8.64e15, -8.64e15, true, "yesterday"];
const NUMERIC_BODIES: Body[] = [
  ...["amount", "tax_rate", "quantity", "inventory_quantity", "usage_limit", "rank", "weight", "variant_rank", "value"].flatMap(
    (field) => HUGE.map((n) => ({ [field]: n })),
  ),
  ...HUGE.flatMap((n) => [
    { rule: { value: n } },
    { prices: [{ amount: n, currency_code: "dkk" }] },
    { items: [{ item_id: "x", quantity: n }] },
    { requirements: [{ type: "min_subtotal", amount: n }] },
  ]),
  ...BAD_DATES.flatMap((d) => [{ starts_at: d }, { ends_at: d }]),
];
const NUMERIC_QUERIES = [
  ...BAD_DATES.filter((d) => typeof d !== "boolean").flatMap((d) => [
    `?created_at[gt]=${encodeURIComponent(String(d))}`,
    `?updated_at[lte]=${encodeURIComponent(String(d))}`,
    `?since=${encodeURIComponent(String(d))}`,
  ]),
  "?created_at=-271821-04-20",
  "?display_id=1e308",
  "?limit=1e308",
  "?offset=1e308",
  "?offset=1e-300",
  "?limit=Infinity",
  "?offset=NaN",
  "?offset=-0",
  // qs keeps an escape that does not decode as written: text, not a lone surrogate.
  "?q=%ED%A0%80",
];

/** Routes whose handler reads neither body nor query: in the numbers walk they get ids that do not exist. */
const ACTS_WITHOUT_INPUT = new Set([
  "POST /store/carts/:id/complete",
  "POST /store/carts/:id/taxes",
  "POST /store/carts/:id/payment-sessions",
  "POST /store/carts/:id/discounts/:code",
  "POST /admin/discounts/:id/regions/:region_id",
  "POST /hooks/payment/:provider_id",
  "POST /admin/draft-orders/:id/pay",
  "POST /admin/store/currencies/:code",
  "POST /admin/store/:code",
  "POST /store/carts/:id/payment-sessions/:provider_id/refresh",
  "POST /admin/invites/:invite_id/resend",
  "POST /admin/publishable-api-keys/:id/revoke",
]);

/** Routes that act on the signed-in account itself, whatever they are sent: signing out everywhere revokes the walk's own tokens. */
const SIGNS_OUT_EVERYWHERE = new Set(["DELETE /admin/auth/sessions", "DELETE /store/auth/sessions"]);

const EDGE_CODES = /^(invalid_string|invalid_url|invalid_number|json_too_deep|metadata_too_large)$/;

describe.each(DATABASES)("hostile input on $name", ({ name }) => {
  let store: Store;
  let customerHeaders: Record<string, string>;
  /** A real value for each `<segment>/:<param>` of the registered routes. */
  const real: Record<string, string> = {};

  const send = (method: string, path: string, body: Body, headers: Record<string, string>) =>
    store.request(path, { method, body, headers });

  /** The identities a walk sends: the admin's token on /admin, a customer's on /store; then none. */
  const identities = () => [
    { label: "signed in", headers: (path: string) => (path.startsWith("/admin") ? store.adminHeaders : path.startsWith("/store") ? customerHeaders : {}) },
    { label: "anonymous", headers: () => ({}) },
  ];

  const calls = () =>
    store.server.kernel.routes.flatMap((route) => route.methods.map((method) => ({ method, path: route.path, key: `${method} ${route.path}` })));

  const params = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[0]);

  function fill(path: string, value: (segment: string, param: string, index: number) => string): string {
    expect(path, "catch-all parameters need values of their own here").not.toMatch(/\*/);
    let index = 0;
    return path.replace(/([^/]+)\/(:\w+)/g, (_, segment: string, param: string) => `${segment}/${value(segment, param, index++)}`);
  }

  const realPath = (path: string) =>
    fill(path, (segment, param) => {
      const value = real[`${segment}/${param}`];
      if (value === undefined) throw new Error(`no real value for ${segment}/${param} (${path}): add one to the walk`);
      return encodeURIComponent(value);
    });
  const missingPath = (path: string) => fill(path, (_s, param) => `nope_${param.slice(1)}`);

  /** Every table's rows, to show a walk changed nothing. */
  async function snapshot(): Promise<Record<string, string[]>> {
    await store.server.kernel.outbox.drain();
    const dataSource = store.server.kernel.container.resolve<any>("dataSource");
    const tables = [...new Set<string>(dataSource.entityMetadatas.map((m: { tableName: string }) => m.tableName))].sort();
    const rows: Record<string, string[]> = {};
    for (const table of tables) {
      if (table === "kiosk_outbox") continue;
      rows[table] = (await dataSource.query(`SELECT * FROM "${table}"`)).map((row: unknown) => JSON.stringify(row)).sort();
    }
    return rows;
  }

  beforeAll(async () => {
    store = await startStore(name, "hostile_input", { fixture: "store-with-routes" });
    const region = await createRegion(store, { name: "Hostile", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    const option = await createShippingOption(store, region.id, 499);
    const product = await createProduct(store, [{ inventory_quantity: 50, prices: [{ amount: 1000, currency_code: "dkk" }] }]);
    const collection = expectStatus(await store.admin("/admin/collections", { body: { title: "Hostile" } }), 200).collection;
    const category = expectStatus(await store.admin("/admin/product-categories", { body: { name: "Hostile", is_active: true } }), 200)
      .product_category;
    const discountBody = {
      code: "HOSTILE10",
      rule: { type: "percentage", value: 10, allocation: "total", conditions: [{ operator: "in", products: [product.id] }] },
      regions: [region.id],
    };
    const discount = expectStatus(await store.admin("/admin/discounts", { body: discountBody }), 200).discount;
    const reason = expectStatus(await store.admin("/admin/return-reasons", { body: { value: "hostile", label: "Hostile" } }), 200).return_reason;
    const giftCard = expectStatus(await store.admin("/admin/gift-cards", { body: { value: 1000, region_id: region.id } }), 200).gift_card;
    const staff = expectStatus(await store.admin("/admin/users", { body: { email: "staff@kiosk.test", password: "longenough" } }), 200).user;
    expectStatus(await store.admin("/admin/invites", { body: { user: "invited@kiosk.test", role: "member" } }), 200);
    const invite = expectStatus(await store.admin("/admin/invites"), 200).invites[0];
    const profile = expectStatus(await store.admin("/admin/shipping-profiles", { body: { name: "Hostile", type: "custom" } }), 200).shipping_profile;

    const shopper = { email: "shopper@kiosk.test", password: "longenough" };
    const customer = expectStatus(await store.request("/store/customers", { body: { ...shopper, first_name: "Ada", last_name: "L" } }), 200).customer;
    customerHeaders = { authorization: `Bearer ${expectStatus(await store.request("/store/auth/token", { body: shopper }), 200).access_token}` };
    const withAddress = expectStatus(await store.request("/store/customers/me/addresses", { body: { address: SHIPPING_ADDRESS }, headers: customerHeaders }), 200)
      .customer;

    const items = [{ variant_id: product.variants[0].id, quantity: 2 }];
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items, headers: customerHeaders });
    const placedCart = await readyCart(store, { regionId: region.id, optionId: option.id, items, headers: customerHeaders });
    const order = expectStatus(await store.request(`/store/carts/${placedCart.id}/complete`, { method: "POST", headers: customerHeaders }), 200).data;
    const fulfilled = expectStatus(
      await store.admin(`/admin/orders/${order.id}/fulfillment`, { body: { items: [{ item_id: order.items[0].id, quantity: 1 }] } }),
      200,
    ).order;
    // A shipped order with a requested return, for the return routes.
    const shippedCart = await readyCart(store, { regionId: region.id, optionId: option.id, items, headers: customerHeaders });
    const shippedOrder = expectStatus(await store.request(`/store/carts/${shippedCart.id}/complete`, { method: "POST", headers: customerHeaders }), 200).data;
    const shippedItems = [{ item_id: shippedOrder.items[0].id, quantity: 2 }];
    const toShip = expectStatus(await store.admin(`/admin/orders/${shippedOrder.id}/fulfillment`, { body: { items: shippedItems } }), 200).order;
    expectStatus(await store.admin(`/admin/orders/${shippedOrder.id}/shipment`, { body: { fulfillment_id: toShip.fulfillments[0].id } }), 200);
    const requested = expectStatus(await store.request("/store/returns", { body: { order_id: shippedOrder.id, items: shippedItems } }), 200).return;
    const orderEdit = expectStatus(await store.admin("/admin/order-edits", { body: { order_id: order.id } }), 200).order_edit;
    const editItem = orderEdit.items[0];
    const editChange = expectStatus(await store.admin(`/admin/order-edits/${orderEdit.id}/items/${editItem.id}`, { body: { quantity: 2 } }), 200)
      .order_edit.changes[0];
    expectStatus(await store.admin(`/admin/order-edits/${orderEdit.id}/items`, { body: { variant_id: product.variants[0].id, quantity: 1 } }), 200);
    const collectionId = expectStatus(await store.admin(`/admin/order-edits/${orderEdit.id}/request`, { body: {} }), 200).order_edit.payment_collection_id;
    const collectionSession = expectStatus(await store.request(`/store/payment-collections/${collectionId}/sessions`, { body: { provider_id: "manual" } }), 200)
      .payment_collection.payment_sessions[0];
    // A captured, shipped order with a swap, for the swap routes.
    const swapCart = await readyCart(store, { regionId: region.id, optionId: option.id, items, headers: customerHeaders });
    const swapOrder = expectStatus(await store.request(`/store/carts/${swapCart.id}/complete`, { method: "POST", headers: customerHeaders }), 200).data;
    expectStatus(await store.admin(`/admin/orders/${swapOrder.id}/capture`, { body: {} }), 200);
    const swapLines = [{ item_id: swapOrder.items[0].id, quantity: 2 }];
    const swapShip = expectStatus(await store.admin(`/admin/orders/${swapOrder.id}/fulfillment`, { body: { items: swapLines } }), 200).order;
    expectStatus(await store.admin(`/admin/orders/${swapOrder.id}/shipment`, { body: { fulfillment_id: swapShip.fulfillments[0].id } }), 200);
    const swapBody = { order_id: swapOrder.id, return_items: [{ item_id: swapOrder.items[0].id, quantity: 1 }], additional_items: [{ variant_id: product.variants[0].id, quantity: 1 }] };
    const swap = expectStatus(await store.request("/store/swaps", { body: swapBody }), 200).swap;
    const claimBody = { type: "replace", claim_items: shippedItems, additional_items: [{ variant_id: product.variants[0].id, quantity: 1 }] };
    const claimed = expectStatus(await store.admin(`/admin/orders/${shippedOrder.id}/claims`, { body: claimBody }), 200).order.claims[0];
    const note = expectStatus(await store.admin("/admin/notes", { body: { resource_id: order.id, resource_type: "order", value: "Hostile" } }), 200).note;
    const salesChannel = expectStatus(await store.admin("/admin/sales-channels", { body: { name: "Hostile channel" } }), 200).sales_channel;
    const publishableKey = expectStatus(await store.admin("/admin/publishable-api-keys", { body: { title: "Hostile key" } }), 200).publishable_api_key;
    // The order's notification is written by a subscriber after the commit.
    let notification: { id: string } | undefined;
    for (let tries = 0; !notification && tries < 100; tries++) {
      notification = expectStatus(await store.admin(`/admin/notifications?resource_id=${order.id}`), 200).notifications[0];
      if (!notification) await new Promise((r) => setTimeout(r, 50));
    }
    if (!notification) throw new Error("the order's notification never came");
    const draftBody = { email: "draft@kiosk.test", region_id: region.id, items: [{ title: "Custom", unit_price: 100, quantity: 1 }], shipping_methods: [] };
    const draft = expectStatus(await store.admin("/admin/draft-orders", { body: draftBody }), 200).draft_order;
    const batchJob = expectStatus(await store.admin("/admin/batch-jobs", { body: { type: "product-export", context: {}, dry_run: true } }), 200).batch_job;
    const customerGroup = expectStatus(await store.admin("/admin/customer-groups", { body: { name: "Hostile" } }), 200).customer_group;
    const listBody = { name: "Hostile", description: "d", type: "sale", prices: [{ variant_id: product.variants[0].id, amount: 900, currency_code: "dkk" }] };
    const priceList = expectStatus(await store.admin("/admin/price-lists", { body: listBody }), 200).price_list;
    const stockLocation = expectStatus(await store.admin("/admin/stock-locations", { body: { name: "Hostile depot" } }), 200).stock_location;
    const stocked = await createProduct(store, [{ inventory_quantity: 0, prices: [{ amount: 1000, currency_code: "dkk" }] }]);
    const inventoryItem = expectStatus(await store.admin("/admin/inventory-items", { body: { variant_id: stocked.variants[0].id } }), 200).inventory_item;
    const levelBody = { location_id: stockLocation.id, stocked_quantity: 5 };
    expectStatus(await store.admin(`/admin/inventory-items/${inventoryItem.id}/location-levels`, { body: levelBody }), 200);
    const reservationBody = { inventory_item_id: inventoryItem.id, location_id: stockLocation.id, quantity: 1 };
    const reservation = expectStatus(await store.admin("/admin/reservations", { body: reservationBody }), 200).reservation;
    const taxRate = expectStatus(await store.admin("/admin/tax-rates", { body: { code: "hostile", name: "Hostile", region_id: region.id, rate: 5 } }), 200).tax_rate;

    const form = new FormData();
    form.append("files", new Blob([Buffer.from("89504e470d0a1a0a", "hex")], { type: "image/png" }), "a.png");
    const uploads = await fetch(store.server.url + "/admin/uploads/protected", { method: "POST", body: form, headers: store.adminHeaders });
    const uploaded = ((await uploads.json()) as { uploads: { key: string }[] }).uploads[0].key.replace("protected/", "");
    Object.assign(real, {
      "products/:id": product.id,
      "variants/:variant_id": product.variants[0].id,
      "variants/:id": product.variants[0].id,
      "options/:option_id": (product as unknown as { options: { id: string }[] }).options[0].id,
      "collections/:id": collection.id,
      "product-categories/:id": category.id,
      "regions/:id": region.id,
      "regions/:region_id": region.id,
      "countries/:country_code": "dk",
      "currencies/:code": "dkk",
      "store/:code": "dkk",
      "payment-providers/:provider_id": "manual",
      "fulfillment-providers/:provider_id": "manual",
      "shipping-options/:id": option.id,
      "shipping-options/:cart_id": cart.id,
      "discounts/:id": discount.id,
      "code/:code": discount.code,
      "discounts/:code": discount.code,
      "conditions/:condition_id": discount.rule.conditions[0].id,
      "dynamic-codes/:code": "HOSTILE-DYNAMIC",
      "users/:id": staff.id,
      "return-reasons/:id": reason.id,
      "gift-cards/:id": giftCard.id,
      "gift-cards/:code": giftCard.code,
      "customers/:id": customer.id,
      "addresses/:address_id": withAddress.shipping_addresses[0].id,
      "auth/:email": shopper.email,
      "carts/:id": cart.id,
      "line-items/:line_id": cart.items[0].id,
      "payment-sessions/:provider_id": "manual",
      "orders/:id": order.id,
      "cart/:cart_id": placedCart.id,
      "fulfillments/:fulfillment_id": fulfilled.fulfillments[0].id,
      "payment/:provider_id": "manual",
      "notes/:id": note.id,
      "sales-channels/:id": salesChannel.id,
      "publishable-api-keys/:id": publishableKey.id,
      "returns/:id": requested.id,
      "returns/:return_id": requested.id,
      "order-edits/:id": orderEdit.id,
      "items/:item_id": editItem.id,
      "changes/:change_id": editChange.id,
      "payment-collections/:id": collectionId,
      "sessions/:session_id": collectionSession.id,
      "payments/:id": order.payments[0].id,
      "invites/:invite_id": invite.id,
      "shipping-profiles/:id": profile.id,
      "swaps/:id": swap.id,
      "swaps/:swap_id": swap.id,
      "swaps/:cart_id": swap.cart_id,
      "claims/:claim_id": claimed.id,
      "notifications/:id": notification.id,
      "draft-orders/:id": draft.id,
      "batch-jobs/:id": batchJob.id,
      "uploads/:name": uploaded,
      "protected/:name": uploaded,
      "customer-groups/:id": customerGroup.id,
      "price-lists/:id": priceList.id,
      "tax-rates/:id": taxRate.id,
      "products/:product_id": product.id,
      "stock-locations/:id": stockLocation.id,
      "inventory-items/:id": inventoryItem.id,
      "location-levels/:location_id": stockLocation.id,
      "reservations/:id": reservation.id,
    });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it("refuses NUL, lone surrogates, deep JSON and oversized metadata on every route, signed in or not, and changes nothing", async () => {
    const before = await snapshot();
    expect(Object.keys(before).length).toBeGreaterThan(15);
    const failures: string[] = [];
    const refused = (what: string, res: Res) => {
      const ok =
        (res.status === 400 || res.status === 413) &&
        typeof res.body?.type === "string" &&
        EDGE_CODES.test(res.body?.code) &&
        typeof res.body?.message === "string";
      if (!ok) failures.push(`${what} -> ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
    };
    let sent = 0;
    for (const identity of identities()) {
      for (const { method, path } of calls()) {
        // Bad path parameters, one parameter at a time (the others real).
        const names = params(path);
        for (let at = 0; at < names.length; at++) {
          for (const bad of REFUSED_PARAMS) {
            const url = fill(path, (segment, param, index) => (index === at ? bad : encodeURIComponent(real[`${segment}/${param}`] ?? "x")));
            refused(`${identity.label} ${method} ${url}`, await send(method, url, method === "GET" ? undefined : {}, identity.headers(url)));
            sent++;
          }
        }
        // Bad query strings, on the real records.
        const url = realPath(path);
        for (const query of REFUSED_QUERIES) {
          refused(`${identity.label} ${method} ${url}${query}`, await send(method, url + query, undefined, identity.headers(url)));
          sent++;
        }
        // Bad bodies, on the real records (a GET's body is never read).
        if (method === "GET") continue;
        for (const body of path.startsWith("/hooks/") ? REFUSED_BODIES : [...REFUSED_BODIES, ...OVERSIZED_METADATA]) {
          const shown = typeof body === "string" ? body.slice(0, 60) : JSON.stringify(body).slice(0, 120);
          refused(`${identity.label} ${method} ${url} ${shown}`, await send(method, url, body, identity.headers(url)));
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 600_000);

  it("answers numbers and dates no column holds with a 4xx naming the field, never a 5xx, and changes nothing", async () => {
    const before = await snapshot();
    const failures: string[] = [];
    const below500 = (what: string, res: Res) => {
      const ok = res.status < 500 && (res.status < 400 || (typeof res.body?.type === "string" && typeof res.body?.code === "string" && typeof res.body?.message === "string"));
      if (!ok) failures.push(`${what} -> ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
    };
    for (const identity of identities()) {
      for (const { method, path, key } of calls()) {
        if (identity.label === "signed in" && SIGNS_OUT_EVERYWHERE.has(key)) continue;
        // Queries go to the reads (a create ignores them and would rightly create); a route that acts
        // whatever it is sent would rightly change things, so it gets ids that do not exist.
        const url = method === "DELETE" || ACTS_WITHOUT_INPUT.has(key) ? missingPath(path) : realPath(path);
        if (method === "GET") {
          for (const query of NUMERIC_QUERIES) below500(`${identity.label} ${method} ${url}${query}`, await send(method, url + query, undefined, identity.headers(url)));
          continue;
        }
        for (const body of NUMERIC_BODIES) below500(`${identity.label} ${method} ${url} ${JSON.stringify(body)}`, await send(method, url, body, identity.headers(url)));
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 600_000);

  it("names the field that was refused, in the path, the query and the body", async () => {
    const { id: productId } = await store.admin("/admin/products?limit=1").then((r) => r.body.products[0]);
    const cases: [string, string, Body, number, Record<string, unknown>][] = [
      ["GET", "/store/products/%00", undefined, 400, { type: "invalid_data", code: "invalid_string", field: "path" }],
      ["GET", "/admin/orders/%ED%A0%80", undefined, 400, { type: "invalid_data", code: "invalid_url", field: "path" }],
      ["GET", "/store/products?q=a%00b", undefined, 400, { code: "invalid_string", field: "q" }],
      ["GET", "/store/products?id[]=ok&id[]=%00", undefined, 400, { code: "invalid_string", field: "id.1" }],
      ["GET", "/store/products?%00=1", undefined, 400, { code: "invalid_string", field: "\\u0000" }],
      ["POST", `/admin/products/${productId}`, { title: NUL }, 400, { code: "invalid_string", field: "title" }],
      ["POST", `/admin/products/${productId}`, { metadata: { a: { b: "\ud800" } } }, 400, { code: "invalid_string", field: "metadata.a.b" }],
      ["POST", `/admin/products/${productId}`, { metadata: { [`k${NUL}`]: 1 } }, 400, { code: "invalid_string", field: "metadata.ka\\u0000b" }],
      ["POST", `/admin/products/${productId}`, { metadata: { "\udfff": 1 } }, 400, { code: "invalid_string", field: "metadata.\\udfff" }],
      ["POST", "/admin/products", { title: "T", variants: [{ title: "ok" }, { title: "\ud800" }] }, 400, { code: "invalid_string", field: "variants.1.title" }],
      ["POST", `/admin/products/${productId}`, deepMetadata(10_000), 400, { code: "json_too_deep", field: "metadata" }],
      ["POST", `/admin/products/${productId}`, '{"metadata":{"a":1e400}}', 400, { code: "invalid_number", field: "metadata.a" }],
      ["POST", `/admin/products/${productId}`, { metadata: { a: { b: "x".repeat(16_400) } } }, 413, { type: "payload_too_large", code: "metadata_too_large", field: "metadata" }],
      ["POST", "/store/region-count", { name: NUL }, 400, { code: "invalid_string", field: "name" }],
      ["GET", "/store/region-count?since=-271821-04-20", undefined, 400, { code: "invalid_date", field: "since" }],
      ["GET", "/admin/orders?created_at[gt]=-271821-04-20", undefined, 400, { code: "invalid_date", field: "created_at.gt" }],
      ["GET", "/admin/orders?updated_at[lt]=10000-01-01", undefined, 400, { code: "invalid_date", field: "updated_at.lt" }],
    ];
    for (const [method, path, body, status, expected] of cases) {
      const res = await store.admin(path, { method, body });
      expect(res.status, `${method} ${path} -> ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body).toMatchObject({ ...expected, message: expect.stringMatching(/\S/) });
    }
  });

  it("keeps what fits: 32 levels, 64 metadata keys, 16 KB of metadata, any finite number in metadata, -0 as 0", async () => {
    const { id: productId } = await store.admin("/admin/products?limit=1").then((r) => r.body.products[0]);
    const update = (body: Body) => store.admin(`/admin/products/${productId}`, { body });
    // Metadata merges into what is stored: each case starts from none.
    const fresh = async (body: Body) => {
      expectStatus(await update({ metadata: null }), 200);
      return update(body);
    };
    expect((await fresh(deepMetadata(31))).status).toBe(200);
    expect((await fresh({ metadata: Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`k${i}`, i])) })).status).toBe(200);
    // `{"big":"…"}` is 10 characters and the string: exactly the bound, then one past it.
    expectStatus(await update({ metadata: null }), 200);
    expect((await update({ metadata: { big: "x".repeat(16 * 1024 - 10) } })).status).toBe(200);
    expect((await update({ metadata: { big: "x".repeat(16 * 1024 - 9) } })).status).toBe(413);
    // Stored metadata keeps the same bounds: updates merge, and cannot grow it past them a few keys at a time.
    expectStatus(await update({ metadata: null }), 200);
    expectStatus(await update({ metadata: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`a${i}`, i])) }), 200);
    const grown = await update({ metadata: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`b${i}`, i])) });
    expect(grown).toMatchObject({ status: 413, body: { type: "payload_too_large", code: "metadata_too_large", field: "metadata" } });
    expectStatus(await update({ metadata: { big: "x".repeat(10_000) } }), 200);
    expect((await update({ metadata: { big2: "x".repeat(10_000) } })).status).toBe(413);
    expect(Object.keys((await store.admin(`/admin/products/${productId}`)).body.product.metadata)).toHaveLength(41);
    expectStatus(await update({ metadata: null }), 200);
    const kept = expectStatus(await update({ metadata: { huge: 1e308, tiny: 1e-300, negative: -0, emoji: "\ud83d\ude00", quote: '"\\' } }), 200).product;
    expect(kept.metadata).toMatchObject({ huge: 1e308, tiny: 1e-300, negative: 0, emoji: "😀", quote: '"\\' });
    expect((await store.admin(`/admin/products/${productId}`)).body.product.metadata).toMatchObject({ huge: 1e308, tiny: 1e-300, emoji: "😀" });
    const option = (await store.admin("/admin/shipping-options")).body.shipping_options[0];
    const zero = expectStatus(await store.admin(`/admin/shipping-options/${option.id}`, { body: "{\"amount\":-0}" }), 200).shipping_option;
    expect(Object.is(zero.amount, 0)).toBe(true);
    expectStatus(await store.admin(`/admin/shipping-options/${option.id}`, { body: { amount: 499 } }), 200);
  });

  it("stores a tax rate to 4 decimal places and refuses one it would have to round", async () => {
    const region = await createRegion(store, { name: "Rates", tax_rate: 8.875 });
    expect(region.tax_rate).toBe(8.875);
    for (const rate of [12.3456, 0, 100, 99.9999]) {
      expectStatus(await store.admin(`/admin/regions/${region.id}`, { body: { tax_rate: rate } }), 200);
      expect((await store.admin(`/admin/regions/${region.id}`)).body.region.tax_rate).toBe(rate);
    }
    for (const rate of [1e-300, 0.30000000000000004, 12.34567, 1e308, -0.0001]) {
      const res = await store.admin(`/admin/regions/${region.id}`, { body: { tax_rate: rate } });
      expect(res.status, `${rate}`).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_data", field: "tax_rate" });
    }
    const created = await store.admin("/admin/regions", { body: { name: "Tiny", currency_code: "dkk", tax_rate: 1e-300, countries: [] } });
    expect(created).toMatchObject({ status: 400, body: { field: "tax_rate" } });
    expect((await store.admin(`/admin/regions/${region.id}`, { body: { tax_rate: -0 } })).body.region.tax_rate).toBe(0);
  });

  it("takes discount dates from year 1 to 9999 and refuses the rest, naming the field", async () => {
    const regionId = real["regions/:id"];
    const body = (code: string, dates: Record<string, unknown>) => ({ code, rule: { type: "fixed", value: 100, allocation: "total" }, regions: [regionId], ...dates });
    const edges = expectStatus(
      await store.admin("/admin/discounts", { body: body("EDGES", { starts_at: "0001-01-01T00:00:00.000Z", ends_at: "9999-12-31T23:59:59.999Z" }) }),
      200,
    ).discount;
    expect(edges).toMatchObject({ starts_at: "0001-01-01T00:00:00.000Z", ends_at: "9999-12-31T23:59:59.999Z" });
    for (const [field, value] of [
      ["starts_at", "-271821-04-20"],
      ["ends_at", "+275760-09-13"],
      ["starts_at", "0000-12-31T23:59:59Z"],
      ["ends_at", "10000-01-01"],
      ["ends_at", 8.64e15],
      ["starts_at", true],
      ["starts_at", null],
    ] as const) {
      for (const res of [
        await store.admin("/admin/discounts", { body: body(`BAD_${field}`, { [field]: value }) }),
        await store.admin(`/admin/discounts/${edges.id}`, { body: { [field]: value } }),
      ]) {
        expect(res.status, `${field}=${String(value)} -> ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body).toMatchObject({ type: "invalid_data", code: "invalid_date", field, message: `${field}: expected an ISO 8601 date between years 1 and 9999` });
      }
    }
    expect((await store.admin(`/admin/discounts/${edges.id}`)).body.discount).toMatchObject({ starts_at: "0001-01-01T00:00:00.000Z" });
    const orders = await store.admin("/admin/orders?created_at[gte]=0001-01-01&created_at[lt]=9999-12-31T23:59:59.999Z");
    expect(orders.status).toBe(200);
    expect(orders.body.count).toBeGreaterThan(0);
  });
});
