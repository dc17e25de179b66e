import { limitSignIn, type KioskRequest } from "kiosk";
import type { Customer } from "../../../models/customer";
import type CustomerService from "../../../services/customer";
import { customerToken } from "../customer-token";

/**
 * Checks a customer's email and password under the kernel's sign-in limits (a
 * 429 past them) and signs a token carrying the customer's token version.
 */
export async function signIn(req: KioskRequest<{ email: string; password: string }>): Promise<{ customer: Customer; token: string }> {
  const { email, password } = req.validatedBody;
  const { customer, tokenVersion } = await limitSignIn(req, { actorType: "customer", email }, () =>
    req.scope.resolve<CustomerService>("customerService").signIn(email, password),
  );
  return { customer, token: customerToken(req, customer.id, tokenVersion) };
}
