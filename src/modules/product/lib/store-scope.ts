import type { KioskRequest } from "kiosk";
import { STORE_SCOPE, type ProductScope } from "../services/product";

/** What a store request sees: published products, limited to its publishable key's sales channels when it carries one. */
export function storeScope(req: KioskRequest): ProductScope {
  const salesChannelIds = req.scope.resolve("publishableApiKeyService").channelsOf(req);
  return salesChannelIds ? { ...STORE_SCOPE, salesChannelIds } : STORE_SCOPE;
}
