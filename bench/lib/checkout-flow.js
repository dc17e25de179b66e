"use strict";
// The storefront's side of a checkout, over HTTP, for the checkout and burst scenarios.
const { request } = require("./util");

const ADDRESS = { first_name: "Ada", last_name: "Lovelace", address_1: "1 Analytical Row", city: "Berlin", country_code: "de", postal_code: "10115" };

/** POSTs JSON; resolves the parsed 2xx body, or throws with the status and body. */
async function post(port, p, body, agent) {
  const r = await request(port, p, { method: "POST", body: body ?? {}, agent, timeout: 30_000 });
  if (r.status < 200 || r.status >= 300) throw Object.assign(new Error(`POST ${p} answered ${r.status}${r.error ? ` (${r.error.message})` : ""}: ${r.body.slice(0, 300)}`), { status: r.status, body: r.body });
  return JSON.parse(r.body);
}

/** A cart ready to complete (5 requests; 7 paying by card); returns its id. */
async function readyCart(port, { regionId, optionId, variantId, agent, n, card }) {
  const { cart } = await post(port, "/store/carts", { region_id: regionId }, agent);
  await post(port, `/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 }, agent);
  await post(port, `/store/carts/${cart.id}`, { email: `buyer-${n}@bench.test`, shipping_address: ADDRESS }, agent);
  await post(port, `/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, agent);
  const { cart: ready } = await post(port, `/store/carts/${cart.id}/payment-sessions`, undefined, agent);
  if (card) {
    await post(port, `/store/carts/${cart.id}/payment-session`, { provider_id: "card" }, agent);
    await post(port, `/store/carts/${cart.id}/payment-sessions/card`, { data: { card } }, agent);
  } else if (ready.payment_session?.provider_id !== "manual") {
    throw new Error(`cart ${cart.id}: the manual payment session is not selected after POST payment-sessions`);
  }
  return cart.id;
}

module.exports = { ADDRESS, post, readyCart };
