import { limitSignIn, setSessionCookie, withValidation, type KioskResponse } from "kiosk";
import type CustomerService from "../../../services/customer";
import { customerToken } from "../customer-token";
import { signUp } from "./validators";
import { customerResponse } from "../../schemas";

/**
 * Signs up a customer and signs them in with the session cookie, as Medusa v1 does: `{ customer }`.
 * Under the sign-in limits: a refused sign-up (a taken email) counts as a failed attempt.
 */
export const POST = withValidation({ body: signUp, response: customerResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CustomerService>("customerService");
  const customer = await limitSignIn(req, { actorType: "customer", email: req.validatedBody.email }, () =>
    service.create(req.validatedBody),
  );
  setSessionCookie(res, "customer", customerToken(req, customer.id, (await service.tokenVersion(customer.id)) ?? 0));
  res.status(200).json({ customer });
});
