import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus } from "../helpers/checkout";
import { DATABASES } from "../helpers/databases";
import { startStore, type Store } from "../helpers/store";

/** `GET /store/customers/me/payment-methods` asks each installed provider (the card-store fixture's `card` keeps one card). */
describe.each(DATABASES)("a customer's saved payment methods on $name", ({ name }) => {
  let store: Store;

  beforeAll(async () => {
    store = await startStore(name, "payment_methods", { fixture: "card-store" });
  });

  afterAll(async () => {
    await store?.close();
  });

  it("answers what each provider keeps for the signed-in customer, and 401s anonymous requests", async () => {
    const email = "saver@kiosk.test";
    expectStatus(await store.request("/store/customers", { body: { email, password: "saver-password", first_name: "S", last_name: "V" } }), 200);
    const token = expectStatus(await store.request("/store/auth/token", { body: { email, password: "saver-password" } }), 200).access_token;
    const answer = expectStatus(await store.request("/store/customers/me/payment-methods", { headers: { authorization: `Bearer ${token}` } }), 200);
    expect(answer).toEqual({ payment_methods: [{ provider_id: "card", data: { card: "saved", last4: "4242", customer_email: email } }] });
    expect((await store.request("/store/customers/me/payment-methods")).status).toBe(401);
  });
});
