import { setSessionCookie, withValidation, type KioskResponse } from "kiosk";
import type CustomerService from "../../../services/customer";
import { customerToken } from "../customer-token";
import { signUp } from "./validators";

/** Signs up a customer and signs them in with the session cookie, as Medusa v1 does: `{ customer }`. */
export const POST = withValidation({ body: signUp }, async (req, res: KioskResponse) => {
  const customer = await req.scope.resolve<CustomerService>("customerService").create(req.validatedBody);
  setSessionCookie(res, "customer", customerToken(req, customer.id));
  res.status(200).json({ customer });
});
