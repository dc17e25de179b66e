import { defineMiddlewares, type KioskMiddleware } from "kiosk";

/**
 * A store request carrying `x-publishable-api-key` is limited to the key's
 * sales channels (product lists and pages, new carts); the key is looked up
 * once per request (from a short in-memory cache). An unknown or revoked key
 * is a 400 `invalid_publishable_api_key`.
 */
const publishableKey: KioskMiddleware = async (req, _res, next) => {
  const key = req.get("x-publishable-api-key");
  if (!key) return next();
  try {
    const service = req.scope.resolve("publishableApiKeyService");
    service.limitRequest(req, await service.scopeOf(key));
    next();
  } catch (error) {
    next(error);
  }
};

export default defineMiddlewares({
  routes: [{ matcher: "/store", middlewares: [publishableKey] }],
});
