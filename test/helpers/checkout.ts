import { expect } from "vitest";
import type { Store } from "./store";

export const SHIPPING_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "1 Analytical Row",
  city: "Copenhagen",
  country_code: "dk",
  postal_code: "2100",
};

let n = 0;
const unique = () => `${Date.now().toString(36)}${(++n).toString(36)}`;

/** Asserts a response's status, showing its body when it differs. */
export function expectStatus(res: { status: number; body: any }, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A region through the admin API (25 % tax, Danish kroner, Denmark and Sweden by default). */
export async function createRegion(store: Store, body: Record<string, unknown> = {}) {
  const res = await store.admin("/admin/regions", {
    body: { name: `Region ${unique()}`, currency_code: "dkk", tax_rate: 25, countries: [], ...body },
  });
  return expectStatus(res, 200).region as { id: string; currency_code: string; tax_rate: number };
}

/** A published product with the given variants (each `{ title, inventory_quantity, prices, … }`). */
export async function createProduct(store: Store, variants: Record<string, unknown>[], fields: Record<string, unknown> = {}) {
  const res = await store.admin("/admin/products", {
    body: {
      title: `Product ${unique()}`,
      status: "published",
      thumbnail: "https://img.test/p.png",
      options: [{ title: "Size" }],
      variants: variants.map((v, i) => ({ title: `V${i}`, options: [{ value: `S${i}` }], ...v })),
      ...fields,
    },
  });
  return expectStatus(res, 200).product as { id: string; variants: { id: string; inventory_quantity: number }[] };
}

/** A flat-rate manual shipping option for a region. */
export async function createShippingOption(store: Store, regionId: string, amount: number, body: Record<string, unknown> = {}) {
  const res = await store.admin("/admin/shipping-options", {
    body: { name: `Ship ${unique()}`, region_id: regionId, provider_id: "manual", price_type: "flat_rate", amount, ...body },
  });
  return expectStatus(res, 200).shipping_option as { id: string };
}

/** A variant's stock as the admin sees it. */
export async function stockOf(store: Store, productId: string, variantId: string): Promise<number> {
  const res = await store.admin(`/admin/products/${productId}`);
  return expectStatus(res, 200).product.variants.find((v: { id: string }) => v.id === variantId).inventory_quantity;
}

/**
 * A cart ready to complete: items, email, shipping address, shipping method and
 * a payment session selected (the manual provider's unless told). Returns the cart.
 */
export async function readyCart(
  store: Store,
  input: {
    regionId: string;
    optionId: string;
    items: { variant_id: string; quantity: number }[];
    headers?: Record<string, string>;
    /** The payment provider whose session is selected (default `manual`). */
    provider?: string;
  },
) {
  const headers = input.headers ?? {};
  const created = expectStatus(await store.request("/store/carts", { body: { region_id: input.regionId }, headers }), 200).cart;
  for (const item of input.items) {
    expectStatus(await store.request(`/store/carts/${created.id}/line-items`, { body: item, headers }), 200);
  }
  expectStatus(
    await store.request(`/store/carts/${created.id}`, {
      body: { email: `buyer-${unique()}@kiosk.test`, shipping_address: SHIPPING_ADDRESS },
      headers,
    }),
    200,
  );
  expectStatus(await store.request(`/store/carts/${created.id}/shipping-methods`, { body: { option_id: input.optionId }, headers }), 200);
  expectStatus(await store.request(`/store/carts/${created.id}/payment-sessions`, { method: "POST", headers }), 200);
  const cart = expectStatus(await store.request(`/store/carts/${created.id}/payment-session`, { body: { provider_id: input.provider ?? "manual" }, headers }), 200).cart;
  return cart as { id: string; total: number; [key: string]: any };
}

/**
 * Records the events the bus publishes, as a subscriber to every event would see
 * them (the bus stages only events someone subscribes to, so the recorder says
 * it listens to all of them).
 */
export function recordEvents(store: Store): { names: string[]; messages: { name: string; data: any }[]; drain: () => Promise<void> } {
  const bus = store.server.kernel.container.resolve<any>("eventBus");
  const recorded = { names: [] as string[], messages: [] as { name: string; data: any }[], drain: async () => void (await bus.drain?.()) };
  bus.hasSubscribers = () => true;
  const publish = bus.publish.bind(bus);
  bus.publish = (messages: { name: string; data: any }[]) => {
    recorded.names.push(...messages.map((m) => m.name));
    recorded.messages.push(...messages);
    return publish(messages);
  };
  return recorded;
}

/**
 * Counts the manual payment provider's refunds (a container singleton), notes
 * whether a transaction was open, makes each take a moment so that concurrent
 * requests overlap it, and fails the next one when asked (`failNext`).
 */
export function watchRefunds(store: Store) {
  const container = store.server.kernel.container;
  const provider = container.resolve<any>("manualPaymentProviderService");
  const unitOfWork = container.resolve<any>("unitOfWork");
  const original = provider.refundPayment.bind(provider);
  const probe = { calls: 0, inTransaction: 0, failNext: false };
  provider.refundPayment = async (...args: unknown[]) => {
    probe.calls++;
    if (unitOfWork.active) probe.inTransaction++;
    if (probe.failNext) {
      probe.failNext = false;
      throw new Error("the card network is down");
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    return original(...args);
  };
  return probe;
}

/** Sends a request again while the order is busy with another action (409 `order_action_in_progress`), as an admin would. */
export async function untilDone<R extends { body: any }>(send: () => Promise<R>): Promise<R> {
  for (;;) {
    const res = await send();
    if (res.body?.code !== "order_action_in_progress") return res;
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}
