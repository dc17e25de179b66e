import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { kiosk } from "../helpers/kiosk";
import { startStore, type Store } from "../helpers/store";

const ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "1 Analytical Row",
  city: "London",
  country_code: "GB",
  postal_code: "N1 9GU",
};

describe.each(DATABASES)("customers on $name", ({ name }) => {
  let store: Store;
  let n = 0;

  /** Signs a fresh customer up; returns its id, email, password and bearer headers. */
  async function signUp(fields: Record<string, unknown> = {}) {
    const email = `shopper${++n}@kiosk.test`;
    const password = "correct-horse";
    const res = await store.request("/store/customers", {
      body: { email, password, first_name: "Shop", last_name: `Per${n}`, ...fields },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const token = await store.request("/store/auth/token", { body: { email, password } });
    expect(token.status).toBe(200);
    return { id: res.body.customer.id as string, email, password, headers: { authorization: `Bearer ${token.body.access_token}` } };
  }

  const me = (headers: Record<string, string>, init: { body?: unknown; method?: string } = {}, path = "") =>
    store.request(`/store/customers/me${path}`, { ...init, headers });

  beforeAll(async () => {
    store = await startStore(name, "customer");
  });

  afterAll(async () => {
    await store?.close();
  });

  it("signs up, logs the customer in with a cookie, and never shows a password", async () => {
    const res = await store.request("/store/customers", {
      body: { email: "Jane.Doe@Kiosk.test", password: "longenough", first_name: "Jane", last_name: "Doe", phone: "+4512345678" },
    });
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({
      email: "jane.doe@kiosk.test",
      first_name: "Jane",
      last_name: "Doe",
      phone: "+4512345678",
      has_account: true,
      shipping_addresses: [],
    });
    expect(res.body.customer.id).toMatch(/^cus_/);
    expect(JSON.stringify(res.body)).not.toMatch(/password/);
    expect(res.headers.get("set-cookie")).toMatch(/^kiosk_store_session=/);

    for (const email of ["jane.doe@kiosk.test", "JANE.DOE@kiosk.TEST"]) {
      const dup = await store.request("/store/customers", { body: { email, password: "longenough", first_name: "J", last_name: "D" } });
      expect(dup.status, email).toBe(409);
      expect(dup.body).toMatchObject({ type: "conflict", code: "duplicate_error" });
    }
    expect((await store.request("/store/auth/Jane.Doe@kiosk.test")).body).toEqual({ exists: true });
    expect((await store.request("/store/auth/nobody@kiosk.test")).body).toEqual({ exists: false });
    expect((await store.request("/store/auth/not-an-email")).status).toBe(400);
  });

  // The three sign-ups race (tagged `race`): only on PostgreSQL can two of them
  // pass the service's check at once, so only there does the race reach the
  // unique index and its answer, a 409. On SQLite transactions take turns and
  // the check alone refuses the others: the race cannot fail there. The insert
  // below tests the index itself, on both.
  it("answers a sign-up race with one customer and a 409 (a race only on PostgreSQL)", { tags: ["race"] }, async () => {
    const body = { email: "race@kiosk.test", password: "longenough", first_name: "R", last_name: "C" };
    const results = await Promise.all([1, 2, 3].map(() => store.request("/store/customers", { body })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.code).toBe("duplicate_error");
    expect((await store.admin("/admin/customers?q=race@kiosk.test")).body.count).toBe(1);
    // The backstop when two requests pass the service's check at once: the unique index.
    const now = new Date();
    const twin = { id: "cus_twin", email: "race@kiosk.test", has_account: false, created_at: now, updated_at: now };
    const insert = store.server.kernel.container.resolve<any>("dataSource").getRepository("Customer").insert(twin);
    await expect(insert).rejects.toMatchObject({ driverError: { code: expect.stringMatching(/^(23505|SQLITE_CONSTRAINT_UNIQUE)$/) } });
  });

  it("issues tokens and cookie sessions for the right password only", async () => {
    const { email, password } = await signUp();
    for (const body of [{ email, password: "wrong-password" }, { email: "ghost@kiosk.test", password }]) {
      for (const path of ["/store/auth/token", "/store/auth"]) {
        const res = await store.request(path, { body });
        expect(res.status, `${path} ${body.email}`).toBe(401);
        expect(res.body).toMatchObject({ type: "unauthorized", code: "invalid_credentials" });
      }
    }

    const login = await store.request("/store/auth", { body: { email: email.toUpperCase(), password } });
    expect(login.status).toBe(200);
    expect(login.body.customer).toMatchObject({ email });
    expect(JSON.stringify(login.body)).not.toMatch(/password/);
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    expect(cookie).toMatch(/^kiosk_store_session=/);

    expect((await store.request("/store/auth", { headers: { cookie } })).body.customer).toMatchObject({ email });
    expect((await store.request("/store/customers/me", { headers: { cookie } })).body.customer).toMatchObject({ email });
    const out = await store.request("/store/auth", { method: "DELETE", headers: { cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/kiosk_store_session=;/);
    expect((await store.request("/store/auth")).status).toBe(401);
  });

  it("refuses /store/customers/me without a customer token, and a customer token on /admin", async () => {
    const { headers } = await signUp();
    const secret = store.server.kernel.container.resolve<any>("config").http.jwtSecret;
    const expired = kiosk.signToken({ actorType: "customer", actorId: "cus_x" }, "another-secret");
    for (const h of [{}, store.adminHeaders, { authorization: `Bearer ${expired}` }, { authorization: "Bearer junk" }]) {
      for (const [method, path] of [["GET", ""], ["POST", ""], ["POST", "/addresses"], ["DELETE", "/addresses/addr_1"]]) {
        const res = await me(h, method === "POST" ? { body: {} } : { method }, path);
        expect(res.status, `${method} ${path} ${JSON.stringify(h)}`).toBe(401);
        expect(res.body).toMatchObject({ type: "unauthorized" });
      }
      expect((await store.request("/store/auth", { headers: h })).status).toBe(401);
    }
    // A bad token on a public store route is just anonymous.
    const open = await store.request("/store/auth/someone@kiosk.test", { headers: { authorization: "Bearer junk" } });
    expect(open).toMatchObject({ status: 200, body: { exists: false } });

    expect((await store.request("/admin/customers", { headers })).status).toBe(401);
    const forged = kiosk.signToken({ actorType: "customer", actorId: "cus_1" }, secret);
    expect((await store.request("/admin/customers", { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
  });

  it("reads and updates the signed-in customer, including a password change", async () => {
    const { id, email, password, headers } = await signUp();
    const read = await me(headers);
    expect(read.status).toBe(200);
    expect(read.body.customer).toMatchObject({ id, email, has_account: true, shipping_addresses: [] });

    const updated = await me(headers, { body: { first_name: "Grace", phone: "+4511111111", metadata: { a: 1, b: 2 } } });
    expect(updated.status).toBe(200);
    expect(updated.body.customer).toMatchObject({ first_name: "Grace", last_name: read.body.customer.last_name, phone: "+4511111111" });
    const merged = await me(headers, { body: { metadata: { b: "", c: 3 } } });
    expect(merged.body.customer.metadata).toEqual({ a: 1, c: 3 });

    const changed = await me(headers, { body: { password: "a-brand-new-one" } });
    expect(changed.status).toBe(200);
    expect(JSON.stringify(changed.body)).not.toMatch(/password/);
    expect((await store.request("/store/auth/token", { body: { email, password } })).status).toBe(401);
    const relogin = await store.request("/store/auth/token", { body: { email, password: "a-brand-new-one" } });
    expect(relogin.status).toBe(200);
    // The change signed every earlier token out, the one that made it too.
    expect((await me(headers)).body).toMatchObject({ type: "unauthorized", code: "token_revoked" });
    const fresh = { authorization: `Bearer ${relogin.body.access_token}` };

    const newEmail = `Renamed${id.slice(-6)}@Kiosk.test`;
    const renamed = await me(fresh, { body: { email: newEmail } });
    expect(renamed.body.customer.email).toBe(newEmail.toLowerCase());
    const other = await signUp();
    const taken = await me(other.headers, { body: { email: newEmail } });
    expect(taken).toMatchObject({ status: 409, body: { code: "duplicate_error" } });
  });

  it("adds, updates and deletes addresses, and keeps them to their customer", async () => {
    const alice = await signUp();
    const bob = await signUp();

    const added = await me(alice.headers, { body: { address: { ...ADDRESS, company: "Engines Ltd" } } }, "/addresses");
    expect(added.status).toBe(200);
    expect(added.body.customer.shipping_addresses).toHaveLength(1);
    const address = added.body.customer.shipping_addresses[0];
    expect(address).toMatchObject({ ...ADDRESS, country_code: "gb", company: "Engines Ltd", customer_id: alice.id });
    expect(address.id).toMatch(/^addr_/);
    const second = await me(alice.headers, { body: { address: { ...ADDRESS, city: "Paris", country_code: "fr" } } }, "/addresses");
    expect(second.body.customer.shipping_addresses.map((a: any) => a.city)).toEqual(["London", "Paris"]);

    const updated = await me(alice.headers, { body: { city: "Cambridge", company: null } }, `/addresses/${address.id}`);
    expect(updated.status).toBe(200);
    expect(updated.body.customer.shipping_addresses[0]).toMatchObject({ id: address.id, city: "Cambridge", company: null, address_1: ADDRESS.address_1 });

    // Bob cannot see, change or delete Alice's address.
    expect((await me(bob.headers, { body: { city: "Nowhere" } }, `/addresses/${address.id}`)).status).toBe(404);
    expect((await me(bob.headers, { method: "DELETE" }, `/addresses/${address.id}`)).status).toBe(404);
    expect((await me(bob.headers)).body.customer.shipping_addresses).toEqual([]);
    expect((await me(alice.headers)).body.customer.shipping_addresses[0].city).toBe("Cambridge");

    const deleted = await me(alice.headers, { method: "DELETE" }, `/addresses/${address.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.customer.shipping_addresses.map((a: any) => a.city)).toEqual(["Paris"]);
    expect((await me(alice.headers, { method: "DELETE" }, `/addresses/${address.id}`)).status).toBe(404);
  });

  it("validates every body and query, changing nothing", async () => {
    const { headers, email } = await signUp();
    const before = (await me(headers)).body.customer;
    const signUpBody = { email: "valid@kiosk.test", password: "longenough", first_name: "V", last_name: "D" };
    const cases: [string, Promise<{ status: number; body: any }>, string | undefined][] = [
      ["bad email", store.request("/store/customers", { body: { ...signUpBody, email: "nope" } }), "email"],
      ["short password", store.request("/store/customers", { body: { ...signUpBody, password: "short" } }), "password"],
      ["missing name", store.request("/store/customers", { body: { ...signUpBody, first_name: undefined } }), "first_name"],
      ["unknown field", store.request("/store/customers", { body: { ...signUpBody, has_account: false } }), "has_account"],
      ["token bad email", store.request("/store/auth/token", { body: { email: "x", password: "x" } }), "email"],
      ["token extra", store.request("/store/auth", { body: { email, password: "x", remember: true } }), "remember"],
      ["me short password", me(headers, { body: { password: "short" } }), "password"],
      ["me bad email", me(headers, { body: { email: "not-an-email" } }), "email"],
      ["me unknown", me(headers, { body: { has_account: false } }), "has_account"],
      ["me empty name", me(headers, { body: { first_name: "" } }), "first_name"],
      ["address country", me(headers, { body: { address: { ...ADDRESS, country_code: "GBR" } } }, "/addresses"), "address.country_code"],
      ["address missing", me(headers, { body: { address: { ...ADDRESS, city: undefined } } }, "/addresses"), "address.city"],
      ["address unknown", me(headers, { body: { address: { ...ADDRESS, customer_id: "cus_x" } } }, "/addresses"), "address.customer_id"],
      ["address flat", me(headers, { body: ADDRESS }, "/addresses"), undefined],
    ];
    for (const [label, pending, field] of cases) {
      const res = await pending;
      expect(res.status, label).toBe(400);
      expect(res.body, label).toMatchObject({ type: "invalid_data", ...(field ? { field } : {}) });
    }
    expect((await me(headers)).body.customer).toEqual(before);
    expect((await store.request("/store/auth/valid@kiosk.test")).body.exists).toBe(false);

    for (const q of ["limit=0", "limit=100000", "offset=-1", "limit=abc", "nope=1", "order=password_hash", "q=" + "x".repeat(300)]) {
      expect((await store.admin(`/admin/customers?${q}`)).status, q).toBe(400);
    }
    const adminCases: [Promise<{ status: number; body: any }>, string][] = [
      [store.admin("/admin/customers", { body: { ...signUpBody, email: "bad" } }), "email"],
      [store.admin("/admin/customers", { body: { ...signUpBody, password: "1234567" } }), "password"],
      [store.admin("/admin/customers", { body: { email: "a@kiosk.test", first_name: "A", last_name: "B" } }), "password"],
      [store.admin("/admin/customers", { body: { ...signUpBody, groups: [] } }), "groups"],
      [store.admin(`/admin/customers/${before.id}`, { body: { email: "bad" } }), "email"],
      [store.admin(`/admin/customers/${before.id}`, { body: { password_hash: "x" } }), "password_hash"],
    ];
    for (const [pending, field] of adminCases) {
      expect((await pending).body, field).toMatchObject({ type: "invalid_data", field });
    }
    expect((await me(headers)).body.customer).toEqual(before);
    expect((await store.admin("/admin/customers?q=valid@kiosk.test")).body.count).toBe(0);
  });

  it("lets an admin list, search, get, create and update customers", async () => {
    const created = await store.admin("/admin/customers", {
      body: { email: "Walk.In@Kiosk.test", password: "longenough", first_name: "Walker", last_name: "Inn", metadata: { vip: true } },
    });
    expect(created.status).toBe(200);
    expect(created.body.customer).toMatchObject({ email: "walk.in@kiosk.test", first_name: "Walker", has_account: true, metadata: { vip: true } });
    expect(JSON.stringify(created.body)).not.toMatch(/password/);
    const id = created.body.customer.id;
    expect((await store.admin("/admin/customers", { body: { email: "walk.in@kiosk.test", password: "longenough", first_name: "A", last_name: "B" } })).status).toBe(409);
    expect((await store.request("/store/auth/token", { body: { email: "walk.in@kiosk.test", password: "longenough" } })).status).toBe(200);

    const all = await store.admin("/admin/customers");
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ offset: 0, limit: 50 });
    expect(all.body.customers).toHaveLength(all.body.count);
    expect(JSON.stringify(all.body)).not.toMatch(/password/);
    const page = await store.admin("/admin/customers?limit=2&offset=1&order=-created_at");
    expect(page.body).toMatchObject({ count: all.body.count, offset: 1, limit: 2 });
    expect(page.body.customers).toHaveLength(2);

    for (const q of ["WALKER", "walk.in", "inn"]) {
      const found = await store.admin(`/admin/customers?q=${q}`);
      expect(found.body.customers.map((c: any) => c.id), q).toEqual([id]);
    }
    expect((await store.admin("/admin/customers?q=%25")).body.count).toBe(0);

    const got = await store.admin(`/admin/customers/${id}`);
    expect(got.body.customer).toMatchObject({ id, email: "walk.in@kiosk.test", shipping_addresses: [] });
    expect((await store.admin("/admin/customers/cus_missing")).status).toBe(404);

    const updated = await store.admin(`/admin/customers/${id}`, { body: { last_name: "Out", phone: "+1555", password: "changed-by-admin" } });
    expect(updated.status).toBe(200);
    expect(updated.body.customer).toMatchObject({ first_name: "Walker", last_name: "Out", phone: "+1555", metadata: { vip: true } });
    expect(JSON.stringify(updated.body)).not.toMatch(/password/);
    expect((await store.request("/store/auth/token", { body: { email: "walk.in@kiosk.test", password: "changed-by-admin" } })).status).toBe(200);
    const taken = await store.admin(`/admin/customers/${id}`, { body: { email: "jane.doe@kiosk.test" } });
    expect(taken).toMatchObject({ status: 409, body: { code: "duplicate_error" } });
    expect((await store.admin("/admin/customers/cus_missing", { body: { first_name: "X" } })).status).toBe(404);
  });
});
