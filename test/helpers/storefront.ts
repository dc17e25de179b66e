/**
 * A storefront's calls to the Store API, made as Medusa v1's JS client
 * (`@medusajs/medusa-js`) makes them: its method names and paths, JSON
 * `Accept`/`Content-Type` headers on every request, and a POST without a payload
 * sent with no body. The client itself cannot be installed beside Kiosk: npm
 * refuses it (ERESOLVE), as it peer-depends on `@medusajs/medusa` v1, which
 * peer-depends on TypeORM 0.3 while Kiosk runs TypeORM 1.
 * Each call answers the parsed body, and any status but 2xx throws with the body.
 */
export function storefront(baseUrl: string) {
  async function request(method: "GET" | "POST", path: string, payload?: Record<string, unknown>): Promise<any> {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
  type Payload = Record<string, unknown>;

  return {
    regions: { list: () => request("GET", "/store/regions") },
    products: { list: (query = "") => request("GET", `/store/products${query && `?${query}`}`) },
    productCategories: { list: () => request("GET", "/store/product-categories") },
    carts: {
      create: (payload: Payload) => request("POST", "/store/carts", payload),
      retrieve: (id: string) => request("GET", `/store/carts/${id}`),
      update: (id: string, payload: Payload) => request("POST", `/store/carts/${id}`, payload),
      lineItems: {
        create: (id: string, payload: Payload) => request("POST", `/store/carts/${id}/line-items`, payload),
        update: (id: string, lineId: string, payload: Payload) => request("POST", `/store/carts/${id}/line-items/${lineId}`, payload),
      },
      addShippingMethod: (id: string, payload: Payload) => request("POST", `/store/carts/${id}/shipping-methods`, payload),
      createPaymentSessions: (id: string) => request("POST", `/store/carts/${id}/payment-sessions`),
      complete: (id: string) => request("POST", `/store/carts/${id}/complete`),
    },
    shippingOptions: { listCartOptions: (cartId: string) => request("GET", `/store/shipping-options/${cartId}`) },
    orders: { retrieve: (id: string) => request("GET", `/store/orders/${id}`) },
  };
}
