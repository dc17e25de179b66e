import { authenticate, defineMiddlewares } from "kiosk";

export default defineMiddlewares({
  routes: [
    // Every store route knows the signed-in customer when there is one (`req.auth`);
    // a missing, invalid or expired token just leaves the request anonymous.
    { matcher: "/store", middlewares: [authenticate("customer", { optional: true })] },
    // The customer's own account needs a customer token (bearer or session cookie).
    { matcher: "/store/customers/me", middlewares: [authenticate("customer")] },
  ],
});
