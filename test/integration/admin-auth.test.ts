import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { kiosk } from "../helpers/kiosk";
import { ADMIN, startStore, type Store } from "../helpers/store";

describe.each(DATABASES)("admin users and auth on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "admin_auth");
  });

  afterAll(async () => {
    await store?.close();
  });

  it("refuses every registered /admin route without a token, except signing in, resetting a password and accepting an invite", async () => {
    const admin = store.server.kernel.routes.filter((r) => r.path.startsWith("/admin"));
    expect(admin.length).toBeGreaterThan(3);
    const open = new Set([
      "POST /admin/auth",
      "POST /admin/auth/token",
      "POST /admin/users/password-token",
      "POST /admin/users/reset-password",
      "POST /admin/invites/accept",
    ]);
    for (const route of admin) {
      for (const method of route.methods) {
        if (open.has(`${method} ${route.path}`)) continue;
        const path = route.path.replace(/:(\w+)/g, "x_$1").replace(/\*\w+/, "x/y");
        const res = await store.request(path, { method, ...(method === "GET" || method === "DELETE" ? {} : { body: {} }) });
        expect(res.status, `${method} ${route.path}`).toBe(401);
        expect(res.body).toMatchObject({ type: "unauthorized" });
      }
    }
  });

  it("issues a token for the right password only, and never shows a hash", async () => {
    const wrong = await store.request("/admin/auth/token", { body: { ...ADMIN, password: "wrong-password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ type: "unauthorized", code: "invalid_credentials" });
    const unknown = await store.request("/admin/auth/token", { body: { email: "nobody@kiosk.test", password: "x" } });
    expect(unknown.status).toBe(401);
    const me = await store.admin("/admin/auth");
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: ADMIN.email, role: "admin" });
    expect(JSON.stringify(me.body)).not.toMatch(/password/);
  });

  it("never reads a select: false column (a password hash) into a JsonBatch", async () => {
    const { JsonBatch, runSql, sql } = kiosk;
    await store.server.kernel.container.resolve<any>("unitOfWork").read(async (manager: any) => {
      const [stored] = await runSql<{ password_hash: string }>(manager, sql`SELECT "password_hash" FROM "user" WHERE "email" = ${ADMIN.email}`);
      expect(stored.password_hash).toMatch(/\S{20,}/);
      const batch = new JsonBatch(manager);
      const users = batch.rows<any>("User", sql`t."email" = ${ADMIN.email}`);
      const customers = batch.rows<any>("Customer", sql`1 = 1`);
      await batch.run();
      expect(users.columns).not.toContain("password_hash");
      expect(customers.columns).not.toContain("password_hash");
      expect(customers.columns).not.toContain("token_version");
      expect(users.rows).toHaveLength(1);
      expect(users.rows[0]).toMatchObject({ email: ADMIN.email, role: "admin" });
      expect(Object.keys(users.rows[0])).not.toContain("password_hash");
      expect(JSON.stringify(users.rows)).not.toContain(stored.password_hash);
    });
  });

  it("signs in with a session cookie and out again", async () => {
    const login = await store.request("/admin/auth", { body: { email: ADMIN.email.toUpperCase(), password: ADMIN.password } });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    expect(cookie).toMatch(/^kiosk_admin_session=/);
    const me = await store.request("/admin/users", { headers: { cookie } });
    expect(me.status).toBe(200);
    const out = await store.request("/admin/auth", { method: "DELETE", headers: { cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/kiosk_admin_session=;/);
  });

  it("refuses a forged or customer token on /admin", async () => {
    const forged = await store.request("/admin/users", { headers: { authorization: "Bearer not.a.token" } });
    expect(forged.status).toBe(401);
    const { signToken } = await import("../helpers/kiosk").then((m) => m.kiosk);
    const secret = store.server.kernel.container.resolve<any>("config").http.jwtSecret;
    const customer = signToken({ actorType: "customer", actorId: "cus_1" }, secret);
    const res = await store.request("/admin/users", { headers: { authorization: `Bearer ${customer}` } });
    expect(res.status).toBe(401);
  });

  it("creates, lists, updates and deletes users with validation", async () => {
    const created = await store.admin("/admin/users", { body: { email: "Staff@Kiosk.test", password: "longenough", first_name: "Sam" } });
    expect(created.status).toBe(200);
    expect(created.body.user).toMatchObject({ email: "staff@kiosk.test", first_name: "Sam", role: "admin" });
    expect(created.body.user.id).toMatch(/^usr_/);
    expect(JSON.stringify(created.body)).not.toMatch(/password/);
    const id = created.body.user.id;

    const dup = await store.admin("/admin/users", { body: { email: "staff@kiosk.test", password: "longenough" } });
    expect(dup.status).toBe(409);
    const short = await store.admin("/admin/users", { body: { email: "x@kiosk.test", password: "short" } });
    expect(short).toMatchObject({ status: 400, body: { type: "invalid_data", field: "password" } });
    const extra = await store.admin("/admin/users", { body: { email: "y@kiosk.test", password: "longenough", is_root: true } });
    expect(extra).toMatchObject({ status: 400, body: { type: "invalid_data" } });

    const list = await store.admin("/admin/users?limit=1&offset=1");
    expect(list.body).toMatchObject({ count: 2, offset: 1, limit: 1 });
    expect(list.body.users).toHaveLength(1);
    for (const q of ["limit=0", "limit=100000", "offset=-1", "limit=abc", "nope=1"]) {
      expect((await store.admin(`/admin/users?${q}`)).status, q).toBe(400);
    }

    const updated = await store.admin(`/admin/users/${id}`, { body: { last_name: "Lee", role: "member" } });
    expect(updated.body.user).toMatchObject({ first_name: "Sam", last_name: "Lee", role: "member" });
    const relogin = await store.request("/admin/auth/token", { body: { email: "staff@kiosk.test", password: "longenough" } });
    expect(relogin.status).toBe(200);

    const deleted = await store.admin(`/admin/users/${id}`, { method: "DELETE" });
    expect(deleted.body).toEqual({ id, object: "user", deleted: true });
    expect((await store.admin(`/admin/users/${id}`)).status).toBe(404);
    expect((await store.admin(`/admin/users/${id}`, { method: "DELETE" })).status).toBe(404);
  });
});
