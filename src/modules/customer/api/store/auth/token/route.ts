import { withValidation, type KioskResponse } from "kiosk";
import type CustomerService from "../../../../services/customer";
import { customerToken } from "../../customer-token";
import { credentials } from "../credentials";

/** Exchanges a customer's email and password for a bearer token: `{ access_token }`. */
export const POST = withValidation({ body: credentials }, async (req, res: KioskResponse) => {
  const { email, password } = req.validatedBody;
  const customer = await req.scope.resolve<CustomerService>("customerService").authenticate(email, password);
  res.json({ access_token: customerToken(req, customer.id) });
});
