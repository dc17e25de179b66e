import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DATABASES } from "../helpers/databases";
import { recordEvents } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** Failed (or, asking for a token, any) attempts per email. */
const LIMIT = 10;
const INVALID = { type: "unauthorized", code: "invalid_reset_token", message: expect.any(String) };

describe.each(DATABASES)("password reset on $name", ({ name }) => {
  let store: Store;
  let events: ReturnType<typeof recordEvents>;
  let n = 0;

  beforeAll(async () => {
    // Many requests come from this one address: only the per-email limit is exercised.
    store = await startStore(name, "password_reset", {
      config: { auth: { rateLimit: { address: { points: 1000 }, email: { points: LIMIT } } } },
    });
    events = recordEvents(store);
  });

  afterAll(async () => {
    await store?.close();
  });

  /** The token the last `<event>` carried for this email. */
  async function tokenFor(event: string, email: string): Promise<string> {
    await events.drain();
    const found = events.messages.filter((m) => m.name === event && m.data.email === email).at(-1);
    expect(found, `${event} for ${email}`).toBeDefined();
    return found!.data.token;
  }

  async function newCustomer() {
    const email = `reset${++n}@kiosk.test`;
    const password = "correct-horse";
    const signUp = await store.request("/store/customers", { body: { email, password, first_name: "Rita", last_name: "Reset" } });
    expect(signUp.status).toBe(200);
    const login = await store.request("/store/auth/token", { body: { email, password } });
    return { id: signUp.body.customer.id as string, email, password, headers: bearer(login.body.access_token) };
  }

  async function newAdmin() {
    const email = `staff-reset${++n}@kiosk.test`;
    const password = "longenough";
    const created = await store.admin("/admin/users", { body: { email, password } });
    expect(created.status).toBe(200);
    const login = await store.request("/admin/auth/token", { body: { email, password } });
    return { id: created.body.user.id as string, email, password, headers: bearer(login.body.access_token) };
  }

  it("resets a customer's password once with the emailed token, and signs the old tokens out", async () => {
    const customer = await newCustomer();
    const asked = await store.request("/store/customers/password-token", { body: { email: customer.email.toUpperCase() } });
    expect(asked.status).toBe(204);
    const token = await tokenFor("customer.password_reset", customer.email);
    const event = events.messages.filter((m) => m.name === "customer.password_reset").at(-1)!;
    expect(event.data).toEqual({ id: customer.id, email: customer.email, first_name: "Rita", last_name: "Reset", token });

    const reset = await store.request("/store/customers/password-reset", {
      body: { email: customer.email, token, password: "new-password-1" },
    });
    expect(reset.status).toBe(200);
    expect(reset.body.customer).toMatchObject({ id: customer.id, email: customer.email });
    expect(reset.body.customer.password_hash).toBeUndefined();

    // The old token is refused, the old password too; the new one signs in.
    expect((await store.request("/store/customers/me", { headers: customer.headers })).body.code).toBe("token_revoked");
    expect((await store.request("/store/auth/token", { body: { email: customer.email, password: customer.password } })).status).toBe(401);
    const login = await store.request("/store/auth/token", { body: { email: customer.email, password: "new-password-1" } });
    expect(login.status).toBe(200);
    expect((await store.request("/store/auth", { headers: bearer(login.body.access_token) })).status).toBe(200);

    // The token is spent.
    const again = await store.request("/store/customers/password-reset", {
      body: { email: customer.email, token, password: "new-password-2" },
    });
    expect(again.status).toBe(401);
    expect(again.body).toEqual(INVALID);
    expect((await store.request("/store/auth/token", { body: { email: customer.email, password: "new-password-1" } })).status).toBe(200);
  });

  it("spends every outstanding token with the reset that uses one", async () => {
    const customer = await newCustomer();
    await store.request("/store/customers/password-token", { body: { email: customer.email } });
    const first = await tokenFor("customer.password_reset", customer.email);
    await store.request("/store/customers/password-token", { body: { email: customer.email } });
    const second = await tokenFor("customer.password_reset", customer.email);
    expect(second).not.toBe(first);
    const body = (token: string, password: string) => ({ body: { email: customer.email, token, password } });
    expect((await store.request("/store/customers/password-reset", body(second, "second-pass"))).status).toBe(200);
    expect((await store.request("/store/customers/password-reset", body(first, "first-pass"))).body).toEqual(INVALID);
    expect((await store.request("/store/auth/token", { body: { email: customer.email, password: "second-pass" } })).status).toBe(200);
  });

  it("answers 204 and raises nothing for an unknown email or a guest", async () => {
    await store.server.kernel.container.resolve<any>("customerService").create({ email: "guest-reset@kiosk.test" });
    await events.drain();
    const before = events.messages.length;
    expect((await store.request("/store/customers/password-token", { body: { email: "nobody@kiosk.test" } })).status).toBe(204);
    expect((await store.request("/store/customers/password-token", { body: { email: "guest-reset@kiosk.test" } })).status).toBe(204);
    expect((await store.request("/admin/users/password-token", { body: { email: "nobody@kiosk.test" } })).status).toBe(204);
    await events.drain();
    expect(events.messages.slice(before).map((m) => m.name)).toEqual([]);
  });

  it("refuses an expired token, a token of another customer and a forged one, changing nothing", async () => {
    const customer = await newCustomer();
    const other = await newCustomer();
    // Asked for 16 minutes ago: the token's 15 minutes are over.
    const now = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(now - 16 * 60_000);
    try {
      expect((await store.request("/store/customers/password-token", { body: { email: customer.email } })).status).toBe(204);
    } finally {
      clock.mockRestore();
    }
    const expired = await tokenFor("customer.password_reset", customer.email);
    await store.request("/store/customers/password-token", { body: { email: other.email } });
    const othersToken = await tokenFor("customer.password_reset", other.email);

    for (const token of [expired, othersToken, "not-a-token", `${othersToken.slice(0, -2)}xx`]) {
      const res = await store.request("/store/customers/password-reset", { body: { email: customer.email, token, password: "hijacked-1" } });
      expect(res.status, token).toBe(401);
      expect(res.body).toEqual(INVALID);
    }
    const unknown = await store.request("/store/customers/password-reset", {
      body: { email: "nobody@kiosk.test", token: othersToken, password: "hijacked-1" },
    });
    expect(unknown.body).toEqual(INVALID);
    expect((await store.request("/store/customers/me", { headers: customer.headers })).status).toBe(200);
    expect((await store.request("/store/auth/token", { body: { email: customer.email, password: customer.password } })).status).toBe(200);

    const bad = await store.request("/store/customers/password-reset", { body: { email: customer.email, token: othersToken, password: "short" } });
    expect(bad.status).toBe(400);
    const extra = await store.request("/store/customers/password-token", { body: { email: customer.email, admin: true } });
    expect(extra.status).toBe(400);
  });

  it("resets an admin user's password without a token, by the emailed token alone, once", async () => {
    const admin = await newAdmin();
    expect((await store.request("/admin/users/password-token", { body: { email: admin.email } })).status).toBe(204);
    const token = await tokenFor("user.password_reset", admin.email);
    const event = events.messages.filter((m) => m.name === "user.password_reset").at(-1)!;
    expect(event.data).toEqual({ email: admin.email, token });

    const reset = await store.request("/admin/users/reset-password", { body: { token, password: "new-admin-pass" } });
    expect(reset.status).toBe(200);
    expect(reset.body.user).toMatchObject({ id: admin.id, email: admin.email });
    expect(reset.body.user.password_hash).toBeUndefined();

    const old = await store.request("/admin/users", { headers: admin.headers });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe("token_revoked");
    expect((await store.request("/admin/auth/token", { body: { email: admin.email, password: admin.password } })).status).toBe(401);
    expect((await store.request("/admin/auth/token", { body: { email: admin.email, password: "new-admin-pass" } })).status).toBe(200);

    const again = await store.request("/admin/users/reset-password", { body: { email: admin.email, token, password: "another-pass" } });
    expect(again.status).toBe(401);
    expect(again.body).toEqual(INVALID);
  });

  it("refuses an admin token for another email, and an expired one", async () => {
    const admin = await newAdmin();
    const other = await newAdmin();
    await store.request("/admin/users/password-token", { body: { email: other.email } });
    const othersToken = await tokenFor("user.password_reset", other.email);
    const wrongEmail = await store.request("/admin/users/reset-password", { body: { email: admin.email, token: othersToken, password: "hijacked-1" } });
    expect(wrongEmail.body).toEqual(INVALID);

    const clock = vi.spyOn(Date, "now").mockReturnValue(Date.now() - 16 * 60_000);
    try {
      await store.request("/admin/users/password-token", { body: { email: admin.email } });
    } finally {
      clock.mockRestore();
    }
    const expired = await tokenFor("user.password_reset", admin.email);
    const res = await store.request("/admin/users/reset-password", { body: { token: expired, password: "hijacked-1" } });
    expect(res.body).toEqual(INVALID);
    expect((await store.request("/admin/auth/token", { body: { email: admin.email, password: admin.password } })).status).toBe(200);
  });

  it("limits asking for tokens per email, successes included", async () => {
    const customer = await newCustomer();
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      statuses.push((await store.request("/store/customers/password-token", { body: { email: customer.email } })).status);
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(204), 429]);
  });
});
