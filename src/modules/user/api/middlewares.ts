import { authenticate, defineMiddlewares } from "kiosk";

/** Every `/admin` route needs an admin user's token, except signing in, resetting a password and accepting an invite. */
const adminOnly = authenticate("user", {
  except: [
    { method: "POST", path: "/auth" },
    { method: "POST", path: "/auth/token" },
    { method: "POST", path: "/users/password-token" },
    { method: "POST", path: "/users/reset-password" },
    { method: "POST", path: "/invites/accept" },
  ],
});

export default defineMiddlewares({
  routes: [{ matcher: "/admin", middlewares: [adminOnly] }],
});
