import { authenticate, defineMiddlewares } from "kiosk";

/** Every `/admin` route needs an admin user's token, except signing in. */
const adminOnly = authenticate("user", {
  except: [
    { method: "POST", path: "/auth" },
    { method: "POST", path: "/auth/token" },
  ],
});

export default defineMiddlewares({
  routes: [{ matcher: "/admin", middlewares: [adminOnly] }],
});
