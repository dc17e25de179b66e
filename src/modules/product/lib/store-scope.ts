import type { KioskRequest } from "kiosk";
import type { Sql } from "kiosk/sql";
import { STORE_SCOPE, type ProductScope } from "../services/product";

/** What a store request sees: published products, limited to its publishable key's sales channels when it carries one. */
export function storeScope(req: KioskRequest): ProductScope {
  const salesChannelIds = req.scope.resolve("publishableApiKeyService").channelsOf(req);
  return salesChannelIds ? { ...STORE_SCOPE, salesChannelIds } : STORE_SCOPE;
}

/** The ids of the products a store request's publishable key reaches (a subquery), or undefined when it carries no key. */
export function keyProducts(req: KioskRequest): Sql | undefined {
  const salesChannelIds = req.scope.resolve("publishableApiKeyService").channelsOf(req);
  return salesChannelIds && req.scope.resolve("salesChannelService").productsIn(salesChannelIds);
}
