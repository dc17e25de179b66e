import { authenticate, defineMiddlewares, type KioskMiddleware } from "kiosk";

const requireUser = authenticate("user");

/** Every `/admin` route needs an admin user's token, except signing in. */
const adminOnly: KioskMiddleware = (req, res, next) => {
  const signingIn = req.method === "POST" && (req.path === "/auth" || req.path === "/auth/token");
  if (signingIn) return next();
  return requireUser(req, res, next);
};

export default defineMiddlewares({
  routes: [{ matcher: "/admin", middlewares: [adminOnly] }],
});
