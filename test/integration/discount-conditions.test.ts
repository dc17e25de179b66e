import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createRegion, expectStatus } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("discount conditions and dynamic codes on $name", ({ name }) => {
  let store: Store;
  let dk: { id: string };
  let winter: { id: string };
  // A: 1000, collection winter, tag wool, type shirt; B: 3000, tag cotton; C: 2000, collection winter.
  let a: any;
  let b: any;
  let c: any;
  let wool: string;
  let cotton: string;
  let shirt: string;
  let n = 0;

  const post = (path: string, body?: unknown) => store.request(path, { method: "POST", body });
  const createDiscount = async (rule: Record<string, unknown>, fields: Record<string, unknown> = {}) =>
    expectStatus(await store.admin("/admin/discounts", { body: { code: `cond${++n}`, rule, regions: [dk.id], ...fields } }), 200).discount;
  const cartWith = async (products: any[]) => {
    const cart = expectStatus(await post("/store/carts", { region_id: dk.id }), 200).cart;
    for (const p of products) expectStatus(await post(`/store/carts/${cart.id}/line-items`, { variant_id: p.variants[0].id, quantity: 1 }), 200);
    return cart.id as string;
  };
  /** The cart's discount total and each product's line discount, after applying `code`. */
  const applied = async (cartId: string, code: string) => {
    const cart = expectStatus(await post(`/store/carts/${cartId}`, { discounts: [{ code }] }), 200).cart;
    const byProduct = (p: any) => cart.items.find((i: any) => i.variant_id === p.variants[0].id)?.discount_total;
    return { cart, total: cart.discount_total, a: byProduct(a), b: byProduct(b), c: byProduct(c) };
  };

  beforeAll(async () => {
    store = await startStore(name, "discount_conditions");
    dk = await createRegion(store, { name: "Denmark", currency_code: "dkk", tax_rate: 25, countries: ["dk"] });
    winter = expectStatus(await store.admin("/admin/collections", { body: { title: "Winter" } }), 200).collection;
    const price = (amount: number) => [{ inventory_quantity: 100, prices: [{ amount, currency_code: "dkk" }] }];
    a = await createProduct(store, price(1000), { collection_id: winter.id, tags: [{ value: "wool" }], type: { value: "shirt" } });
    b = await createProduct(store, price(3000), { tags: [{ value: "cotton" }] });
    c = await createProduct(store, price(2000), { collection_id: winter.id });
    wool = a.tags[0].id;
    cotton = b.tags[0].id;
    shirt = a.type.id;
  });

  afterAll(async () => {
    await store?.close();
  });

  it("creates, reads, changes and deletes conditions, refusing bad ones with a code", async () => {
    const discount = await createDiscount({ type: "percentage", value: 10, conditions: [{ operator: "in", products: [a.id] }] });
    expect(discount.rule.conditions).toMatchObject([{ type: "products", operator: "in", discount_rule_id: discount.rule.id, products: [{ id: a.id }] }]);
    const conditionId = discount.rule.conditions[0].id;
    expect(conditionId).toMatch(/^discon_/);

    const added = expectStatus(await store.admin(`/admin/discounts/${discount.id}/conditions`, { body: { operator: "not_in", product_tags: [wool] } }), 200).discount;
    expect(added.rule.conditions.map((x: any) => x.type)).toEqual(["products", "product_tags"]);
    const tagCondition = added.rule.conditions[1];
    const path = `/admin/discounts/${discount.id}/conditions/${tagCondition.id}`;
    expect(expectStatus(await store.admin(path), 200).discount_condition).toMatchObject({ id: tagCondition.id, operator: "not_in", product_tags: [{ id: wool }] });

    expectStatus(await store.admin(path, { body: { product_tags: [cotton] } }), 200);
    expect(expectStatus(await store.admin(path), 200).discount_condition.product_tags).toEqual([{ id: cotton }]);
    expectStatus(await store.admin(`${path}/batch`, { body: { resources: [{ id: wool }, { id: cotton }] } }), 200);
    expect(expectStatus(await store.admin(path), 200).discount_condition.product_tags).toEqual([{ id: cotton }, { id: wool }].sort((x, y) => (x.id < y.id ? -1 : 1)));
    expectStatus(await store.admin(`${path}/batch`, { method: "DELETE", body: { resources: [{ id: cotton }] } }), 200);
    expect(expectStatus(await store.admin(path), 200).discount_condition.product_tags).toEqual([{ id: wool }]);

    const other = await createDiscount({ type: "percentage", value: 5 });
    const refused: [string, string, unknown, number, string][] = [
      ["POST", `/admin/discounts/${discount.id}/conditions`, { operator: "in", products: [a.id], product_tags: [wool] }, 400, "invalid_condition"],
      ["POST", `/admin/discounts/${discount.id}/conditions`, { operator: "in" }, 400, "invalid_condition"],
      ["POST", `/admin/discounts/${discount.id}/conditions`, { operator: "maybe", products: [a.id] }, 400, "invalid_request"],
      ["POST", `/admin/discounts/disc_nope/conditions`, { operator: "in", products: [a.id] }, 404, "discount_not_found"],
      ["POST", path, { products: [a.id] }, 400, "invalid_condition"],
      ["GET", `/admin/discounts/${other.id}/conditions/${tagCondition.id}`, undefined, 404, "discount_condition_not_found"],
      ["POST", `/admin/discounts/${other.id}/conditions/${tagCondition.id}/batch`, { resources: [{ id: cotton }] }, 404, "discount_condition_not_found"],
      ["DELETE", `/admin/discounts/${other.id}/conditions/${tagCondition.id}`, undefined, 404, "discount_condition_not_found"],
      ["POST", `${path}/batch`, { resources: [] }, 400, "invalid_request"],
    ];
    for (const [method, url, body, status, code] of refused) {
      const res = await store.admin(url, { method, body });
      expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
      expect(res.body).toMatchObject({ type: expect.any(String), code, message: expect.any(String) });
    }
    expect(expectStatus(await store.admin(path), 200).discount_condition.product_tags).toEqual([{ id: wool }]);

    const deleted = expectStatus(await store.admin(path, { method: "DELETE" }), 200);
    expect(deleted).toMatchObject({ id: tagCondition.id, object: "discount-condition", deleted: true });
    expect(deleted.discount.rule.conditions.map((x: any) => x.id)).toEqual([conditionId]);
    expectStatus(await store.admin(path, { method: "DELETE" }), 200);
    expectStatus(await store.admin(path), 404);
  });

  it("takes a discount only from the lines its conditions hold for, with exact totals", async () => {
    const code = async (rule: Record<string, unknown>) => (await createDiscount(rule)).code as string;
    const cartId = await cartWith([a, b, c]);

    const onlyA = await applied(cartId, await code({ type: "percentage", value: 10, conditions: [{ operator: "in", products: [a.id] }] }));
    expect(onlyA).toMatchObject({ total: 100, a: 100, b: 0, c: 0 });
    // 6000 - 100 + 25 % tax on 5900, no shipping.
    expect(onlyA.cart).toMatchObject({ subtotal: 6000, discount_total: 100, tax_total: 1475, total: 7375 });

    const notWinter = await applied(cartId, await code({ type: "percentage", value: 10, conditions: [{ operator: "not_in", product_collections: [winter.id] }] }));
    expect(notWinter).toMatchObject({ total: 300, a: 0, b: 300, c: 0 });

    const tagged = await applied(cartId, await code({ type: "fixed", value: 600, allocation: "total", conditions: [{ operator: "in", product_tags: [wool, cotton] }] }));
    expect(tagged).toMatchObject({ total: 600, a: 150, b: 450, c: 0 });

    const shirts = await applied(cartId, await code({ type: "percentage", value: 50, conditions: [{ operator: "in", product_types: [shirt] }] }));
    expect(shirts).toMatchObject({ total: 500, a: 500, b: 0, c: 0 });

    const both = await applied(
      cartId,
      await code({
        type: "percentage",
        value: 10,
        conditions: [
          { operator: "in", product_collections: [winter.id] },
          { operator: "not_in", product_tags: [wool] },
        ],
      }),
    );
    expect(both).toMatchObject({ total: 200, a: 0, b: 0, c: 200 });

    // Customers have no groups yet: `not_in` holds for every line.
    const noGroup = await applied(cartId, await code({ type: "percentage", value: 10, conditions: [{ operator: "not_in", customer_groups: ["cgrp_any"] }] }));
    expect(noGroup).toMatchObject({ total: 600, a: 100, b: 300, c: 200 });

    // A condition changed later changes the cart's totals at once.
    const changing = await createDiscount({ type: "percentage", value: 10, conditions: [{ operator: "in", products: [a.id] }] });
    expect((await applied(cartId, changing.code)).total).toBe(100);
    const conditionId = changing.rule.conditions[0].id;
    expectStatus(await store.admin(`/admin/discounts/${changing.id}/conditions/${conditionId}/batch`, { body: { resources: [{ id: b.id }] } }), 200);
    expect(expectStatus(await store.request(`/store/carts/${cartId}`), 200).cart.discount_total).toBe(400);
  });

  it("refuses a code whose conditions hold for no line, with a code, and leaves the cart alone", async () => {
    const cartId = await cartWith([b]);
    const before = expectStatus(await store.request(`/store/carts/${cartId}`), 200).cart;
    const refusedCodes = [
      (await createDiscount({ type: "percentage", value: 10, conditions: [{ operator: "in", products: [a.id] }] })).code,
      (await createDiscount({ type: "percentage", value: 10, conditions: [{ operator: "in", customer_groups: ["cgrp_any"] }] })).code,
      (await createDiscount({ type: "fixed", value: 100, conditions: [{ operator: "not_in", product_tags: [cotton] }] })).code,
    ];
    for (const code of refusedCodes) {
      for (const res of [await post(`/store/carts/${cartId}`, { discounts: [{ code }] }), await post(`/store/carts/${cartId}/discounts/${code}`)]) {
        expect(res.status, code).toBe(400);
        expect(res.body).toMatchObject({ type: "invalid_data", code: "discount_not_valid_for_items", message: "Discount is not valid for any item" });
      }
    }
    const after = expectStatus(await store.request(`/store/carts/${cartId}`), 200).cart;
    expect(after).toMatchObject({ discounts: [], discount_total: 0, total: before.total });
  });

  it("makes dynamic codes that share the parent's rule and conditions, apply, expire and can be deleted", async () => {
    const parent = await createDiscount(
      { type: "percentage", value: 10, conditions: [{ operator: "in", products: [a.id, b.id] }] },
      { is_dynamic: true, valid_duration: "P1D" },
    );
    expect(parent).toMatchObject({ is_dynamic: true, valid_duration: "P1D", parent_discount_id: null });
    const before = Date.now();
    const child = expectStatus(await store.admin(`/admin/discounts/${parent.id}/dynamic-codes`, { body: { code: `dyn-${name}`, metadata: { k: 1 } } }), 200).discount;
    expect(child).toMatchObject({
      code: `DYN-${name}`.toUpperCase(),
      is_dynamic: true,
      parent_discount_id: parent.id,
      rule_id: parent.rule_id,
      usage_limit: 1,
      usage_count: 0,
      metadata: { k: 1 },
      regions: [{ id: dk.id }],
      rule: { id: parent.rule.id, conditions: [{ id: parent.rule.conditions[0].id }] },
    });
    const day = 24 * 3600 * 1000;
    expect(new Date(child.ends_at).getTime()).toBeGreaterThanOrEqual(before + day - 1000);
    expect(new Date(child.ends_at).getTime()).toBeLessThanOrEqual(Date.now() + day + 1000);

    const cartId = await cartWith([a, b, c]);
    expect(await applied(cartId, child.code)).toMatchObject({ total: 400, a: 100, b: 300, c: 0 });

    const limited = expectStatus(await store.admin(`/admin/discounts/${parent.id}/dynamic-codes`, { body: { code: `lim-${name}`, usage_limit: 5 } }), 200).discount;
    expect(limited.usage_limit).toBe(5);

    const refused: [string, unknown, number, string][] = [
      [`/admin/discounts/${parent.id}/dynamic-codes`, { code: `dyn-${name}` }, 409, "duplicate_error"],
      [`/admin/discounts/${parent.id}/dynamic-codes`, { code: "has space" }, 400, "invalid_request"],
      [`/admin/discounts/${parent.id}/dynamic-codes`, { code: "X", usage_limit: 0 }, 400, "invalid_request"],
      [`/admin/discounts/${child.id}/dynamic-codes`, { code: "GRANDCHILD" }, 422, "discount_not_dynamic"],
      [`/admin/discounts/${(await createDiscount({ type: "percentage", value: 5 })).id}/dynamic-codes`, { code: "NOPE" }, 422, "discount_not_dynamic"],
      [`/admin/discounts/disc_nope/dynamic-codes`, { code: "NOPE" }, 404, "discount_not_found"],
      ["/admin/discounts", { code: `bad-dur-${name}`, rule: { type: "percentage", value: 5 }, regions: [dk.id], is_dynamic: true, valid_duration: "1 day" }, 400, "invalid_request"],
      ["/admin/discounts", { code: `not-dyn-${name}`, rule: { type: "percentage", value: 5 }, regions: [dk.id], valid_duration: "P1D" }, 400, "invalid_data"],
      [`/admin/discounts/${(await createDiscount({ type: "percentage", value: 5 })).id}`, { valid_duration: "P1D" }, 400, "invalid_data"],
    ];
    for (const [url, body, status, code] of refused) {
      const res = await store.admin(url, { body });
      expect(res.status, `${url} ${JSON.stringify(body)}`).toBe(status);
      expect(res.body).toMatchObject({ code });
    }

    // A code of a parent with a one-second duration expires.
    const brief = await createDiscount({ type: "percentage", value: 10 }, { is_dynamic: true, valid_duration: "PT1S" });
    const short = expectStatus(await store.admin(`/admin/discounts/${brief.id}/dynamic-codes`, { body: { code: `short-${name}` } }), 200).discount;
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await post(`/store/carts/${cartId}/discounts/${short.code}`);
    expect(expired).toMatchObject({ status: 422, body: { code: "discount_expired" } });

    // Deleting a code answers the parent and keeps its rule; deleting the parent takes its codes.
    const afterDelete = expectStatus(await store.admin(`/admin/discounts/${parent.id}/dynamic-codes/${child.code}`, { method: "DELETE" }), 200).discount;
    expect(afterDelete).toMatchObject({ id: parent.id, rule: { id: parent.rule.id, conditions: [{ id: parent.rule.conditions[0].id }] } });
    expectStatus(await store.admin(`/admin/discounts/${child.id}`), 404);
    expectStatus(await store.admin(`/admin/discounts/${parent.id}/dynamic-codes/${child.code}`, { method: "DELETE" }), 200);
    expectStatus(await store.admin(`/admin/discounts/${parent.id}`, { method: "DELETE" }), 200);
    expectStatus(await store.admin(`/admin/discounts/${limited.id}`), 404);
  });

  it("applies a customer_groups condition only to carts of customers in (in) or not in (not_in) the groups", async () => {
    const email = `member-${++n}@kiosk.test`;
    expectStatus(await post("/store/customers", { email, password: "member-password", first_name: "M", last_name: "G" }), 200);
    const token = expectStatus(await post("/store/auth/token", { email, password: "member-password" }), 200).access_token;
    const headers = { authorization: `Bearer ${token}` };
    const customerId = expectStatus(await store.request("/store/customers/me", { headers }), 200).customer.id;
    const vip = expectStatus(await store.admin("/admin/customer-groups", { body: { name: `VIP ${n}` } }), 200).customer_group;
    const other = expectStatus(await store.admin("/admin/customer-groups", { body: { name: `Other ${n}` } }), 200).customer_group;
    expectStatus(await store.admin(`/admin/customer-groups/${vip.id}/customers/batch`, { body: { customer_ids: [{ id: customerId }] } }), 200);

    const members = await createDiscount({ type: "percentage", value: 10, allocation: "total", conditions: [{ operator: "in", customer_groups: [vip.id] }] });
    const others = await createDiscount({ type: "percentage", value: 10, allocation: "total", conditions: [{ operator: "not_in", customer_groups: [vip.id] }] });
    const elsewhere = await createDiscount({ type: "percentage", value: 10, allocation: "total", conditions: [{ operator: "in", customer_groups: [other.id] }] });

    const memberCart = async () => {
      const cart = expectStatus(await store.request("/store/carts", { body: { region_id: dk.id }, headers }), 200).cart;
      expect(cart.customer_id).toBe(customerId);
      expectStatus(await store.request(`/store/carts/${cart.id}/line-items`, { body: { variant_id: a.variants[0].id, quantity: 1 }, headers }), 200);
      return cart.id as string;
    };
    const apply = (cartId: string, code: string) => store.request(`/store/carts/${cartId}`, { body: { discounts: [{ code }] }, headers });

    const mine = await memberCart();
    expect(expectStatus(await apply(mine, members.code), 200).cart.discount_total).toBe(100);
    expect(await apply(mine, others.code)).toMatchObject({ status: 400, body: { code: "discount_not_valid_for_items" } });
    expect(await apply(mine, elsewhere.code)).toMatchObject({ status: 400, body: { code: "discount_not_valid_for_items" } });

    const guest = await cartWith([a]);
    expect(await post(`/store/carts/${guest}`, { discounts: [{ code: members.code }] })).toMatchObject({ status: 400, body: { code: "discount_not_valid_for_items" } });
    expect((await applied(guest, others.code)).total).toBe(100);

    // Leaving the group takes the discount off the member's lines at once; a deleted group counts as none.
    const held = await memberCart();
    expect(expectStatus(await apply(held, members.code), 200).cart.discount_total).toBe(100);
    expectStatus(await store.admin(`/admin/customer-groups/${vip.id}/customers/batch`, { method: "DELETE", body: { customer_ids: [{ id: customerId }] } }), 200);
    expect(expectStatus(await store.request(`/store/carts/${held}`, { headers }), 200).cart.discount_total).toBe(0);
    expect(expectStatus(await apply(await memberCart(), others.code), 200).cart.discount_total).toBe(100);
    expectStatus(await store.admin(`/admin/customer-groups/${other.id}/customers/batch`, { body: { customer_ids: [{ id: customerId }] } }), 200);
    const inOther = await memberCart();
    expect(expectStatus(await apply(inOther, elsewhere.code), 200).cart.discount_total).toBe(100);
    expectStatus(await store.admin(`/admin/customer-groups/${other.id}`, { method: "DELETE" }), 200);
    expect(expectStatus(await store.request(`/store/carts/${inOther}`, { headers }), 200).cart.discount_total).toBe(0);
  });

  it("lets concurrent batch additions of the same ids take turns (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    // On SQLite transactions take turns and this cannot fail; on PostgreSQL the condition's row lock keeps the second
    // insert from meeting the first one's rows (a duplicate key, a 500).
    const discount = await createDiscount({ type: "percentage", value: 10, conditions: [{ operator: "in", products: [a.id] }] });
    const path = `/admin/discounts/${discount.id}/conditions/${discount.rule.conditions[0].id}`;
    const body = { resources: [{ id: b.id }, { id: c.id }] };
    const answers = await Promise.all(Array.from({ length: 6 }, () => store.admin(`${path}/batch`, { body })));
    for (const res of answers) expect(res.status).toBe(200);
    const ids = expectStatus(await store.admin(path), 200).discount_condition.products.map((p: any) => p.id);
    expect(ids).toEqual([a.id, b.id, c.id].sort());
  });
  it("reverts and reruns its migration in place: the discounts stay, without conditions or parents", async () => {
    const before = expectStatus(await store.admin("/admin/discounts?limit=500"), 200);
    const dataSource = store.server.kernel.container.resolve<any>("dataSource");
    const runner = dataSource.createQueryRunner();
    // As `migrate revert` runs it: in a transaction, foreign keys on.
    await runner.startTransaction();
    try {
      const migration = dataSource.migrations.find((m: any) => m.name === "CreateDiscountCondition1730000740000");
      await migration.down(runner);
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const after = expectStatus(await store.admin("/admin/discounts?limit=500"), 200);
    expect(after.count).toBe(before.count);
    expect(after.discounts.every((d: any) => d.rule.conditions.length === 0 && d.parent_discount_id === null && d.valid_duration === null)).toBe(true);
  });
});
