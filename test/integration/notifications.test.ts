import { asValue } from "awilix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationProvider } from "kiosk";
import { DATABASES } from "../helpers/databases";
import { createProduct, createRegion, createShippingOption, expectStatus, readyCart } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

/** Polls `check` until it returns something truthy, at most `ms` milliseconds. */
async function eventually<T>(check: () => Promise<T | undefined | null | false>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("gave up waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A test provider that always fails, counting its calls. */
function failingProvider() {
  const calls: string[] = [];
  const provider: NotificationProvider = {
    identifier: "failing",
    async sendNotification(event) {
      calls.push(event);
      throw new Error("mail server down");
    },
    async resendNotification() {
      calls.push("resend");
      throw new Error("mail server down");
    },
  };
  return { provider, calls };
}

describe.each(DATABASES)("notifications on $name", ({ name }) => {
  let store: Store;
  let region: { id: string };
  let option: { id: string };
  let product: Awaited<ReturnType<typeof createProduct>>;
  const failing = failingProvider();

  async function placeOrder() {
    const cart = await readyCart(store, { regionId: region.id, optionId: option.id, items: [{ variant_id: product.variants[0].id, quantity: 1 }] });
    return expectStatus(await store.request(`/store/carts/${cart.id}/complete`, { method: "POST" }), 200).data as {
      id: string;
      email: string;
      customer_id: string;
      items: { id: string }[];
    };
  }

  const notificationsOf = async (query: string) => expectStatus(await store.admin(`/admin/notifications?${query}`), 200);

  beforeAll(async () => {
    // order.canceled goes to a provider that fails, order.fulfillment_created (not a default) to `log`,
    // order.shipment_created to none; the others keep their default, `log`.
    store = await startStore(name, "notifications", { config: { notifications: { "order.canceled": "failing", "order.fulfillment_created": "log", "order.shipment_created": false } } });
    store.server.kernel.container.register({ failingNotificationProviderService: asValue(failing.provider) });
    region = await createRegion(store, { countries: ["dk"] });
    option = await createShippingOption(store, region.id, 1000);
    product = await createProduct(store, [{ inventory_quantity: 100, prices: [{ amount: 2000, currency_code: "dkk" }] }]);
  });

  afterAll(async () => {
    await store?.close();
  });

  it("notifies an order placed through the log provider, and resends it as a child", async () => {
    const logger = store.server.kernel.container.resolve<any>("logger");
    const lines: any[] = [];
    const info = logger.info;
    logger.info = function (this: unknown, ...args: any[]) {
      if (args[0]?.notification) lines.push(args[0].notification);
      return info.apply(this, args);
    };
    const order = await placeOrder();
    const list = await eventually(async () => {
      const body = await notificationsOf(`resource_id=${order.id}&event_name=order.placed`);
      return body.count === 1 ? body : undefined;
    });
    expect(list).toMatchObject({ count: 1, offset: 0, limit: 50 });
    const [sent] = list.notifications;
    expect(sent.id).toMatch(/^noti_/);
    expect(sent).toMatchObject({
      event_name: "order.placed",
      resource_type: "order",
      resource_id: order.id,
      to: order.email,
      provider_id: "log",
      parent_id: null,
      data: expect.objectContaining({ id: order.id, email: order.email }),
    });
    expect(sent.resends).toBeUndefined();
    expect(lines).toEqual([expect.objectContaining({ provider: "log", event: "order.placed", to: order.email })]);

    const resent = expectStatus(await store.admin(`/admin/notifications/${sent.id}/resend`, { body: { to: "other@kiosk.test" } }), 200).notification;
    expect(resent).toMatchObject({ id: sent.id, to: order.email });
    expect(resent.resends).toEqual([
      expect.objectContaining({ parent_id: sent.id, to: "other@kiosk.test", provider_id: "log", event_name: "order.placed", resource_id: order.id }),
    ]);
    const again = expectStatus(await store.admin(`/admin/notifications/${sent.id}/resend`, { body: {} }), 200).notification;
    expect(again.resends.map((r: { to: string }) => r.to)).toEqual(["other@kiosk.test", order.email]);
    expect(lines.map((l) => l.to)).toEqual([order.email, "other@kiosk.test", order.email]);
    logger.info = info;

    const expanded = await notificationsOf(`resource_id=${order.id}&expand=resends`);
    expect(expanded.count).toBe(3);
    const original = expanded.notifications.find((n: { id: string }) => n.id === sent.id);
    expect(original.resends).toHaveLength(2);
    expect((await notificationsOf(`to=other@kiosk.test&resource_type=order`)).count).toBeGreaterThanOrEqual(1);
    expect((await notificationsOf(`resource_id=${order.id}&limit=1`)).notifications).toHaveLength(1);
  });

  it("stores nothing when the provider fails, and the order goes on", async () => {
    const order = await placeOrder();
    await eventually(async () => (await notificationsOf(`resource_id=${order.id}`)).count === 1);
    const canceled = expectStatus(await store.admin(`/admin/orders/${order.id}/cancel`, { body: {} }), 200).order;
    expect(canceled.status).toBe("canceled");
    await eventually(async () => failing.calls.includes("order.canceled"));
    await store.server.kernel.container.resolve<any>("eventBus").drain();
    const rows = await notificationsOf(`resource_id=${order.id}`);
    expect(rows.notifications.map((n: { event_name: string }) => n.event_name)).toEqual(["order.placed"]);
    expect(expectStatus(await store.admin(`/admin/orders/${order.id}`), 200).order.status).toBe("canceled");
  });

  it("follows the config: an event it adds is notified, one it turns off is not", async () => {
    const order = await placeOrder();
    const admin = (what: string, body: unknown) => store.admin(`/admin/orders/${order.id}/${what}`, { body });
    const fulfilled = expectStatus(await admin("fulfillment", { items: [{ item_id: order.items[0].id, quantity: 1 }] }), 200).order;
    const fulfillmentId = fulfilled.fulfillments[0].id;
    expectStatus(await admin("shipment", { fulfillment_id: fulfillmentId }), 200);
    const list = await eventually(async () => {
      const body = await notificationsOf(`resource_id=${order.id}`);
      return body.count === 2 ? body : undefined;
    });
    await store.server.kernel.container.resolve<any>("eventBus").drain();
    const events = (await notificationsOf(`resource_id=${order.id}`)).notifications.map((n: { event_name: string }) => n.event_name);
    expect(events.sort()).toEqual(["order.fulfillment_created", "order.placed"]);
    const fulfillment = list.notifications.find((n: { event_name: string }) => n.event_name === "order.fulfillment_created");
    expect(fulfillment).toMatchObject({ provider_id: "log", to: order.email, data: expect.objectContaining({ fulfillment_id: fulfillmentId }) });
  });

  it("refuses bad input and unknown notifications, changing nothing", async () => {
    const before = (await notificationsOf("")).count;
    expect((await store.admin("/admin/notifications?colour=red")).status).toBe(400);
    expect((await store.admin("/admin/notifications?limit=0")).status).toBe(400);
    const [some] = (await notificationsOf("limit=1")).notifications;
    for (const body of [{ to: "" }, { to: 5 }, { to: "a@b.c", subject: "x" }]) {
      const res = await store.admin(`/admin/notifications/${some.id}/resend`, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_data", message: expect.any(String) });
    }
    const missing = await store.admin("/admin/notifications/noti_missing/resend", { body: {} });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ type: "not_found" });
    expect((await store.request("/admin/notifications")).status).toBe(401);
    expect((await store.request(`/admin/notifications/${some.id}/resend`, { body: {} })).status).toBe(401);
    expect((await notificationsOf("")).count).toBe(before);
  });

  it("notifies a new customer by default, and nothing for an event the config turns off", async () => {
    const email = `new-${Date.now()}@kiosk.test`;
    const customer = expectStatus(await store.request("/store/customers", { body: { email, password: "supersecret", first_name: "A", last_name: "B" } }), 200).customer;
    const list = await eventually(async () => {
      const body = await notificationsOf(`resource_id=${customer.id}`);
      return body.count === 1 ? body : undefined;
    });
    expect(list.notifications[0]).toMatchObject({ event_name: "customer.created", resource_type: "customer", customer_id: customer.id, to: email, provider_id: "log" });
    expect(store.server.kernel.container.resolve<any>("config").notifications).toEqual({
      "order.placed": "log",
      "order.canceled": "failing",
      "order.fulfillment_created": "log",
      "customer.created": "log",
    });
  });
});
