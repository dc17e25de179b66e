import { InvalidDataError, withValidation, z, type KioskResponse } from "kiosk";
import type CustomerService from "../../../../services/customer";
import { email } from "../../../customer-fields";

/** Whether an email has a customer account (guests do not count): `{ exists }`. */
export const GET = withValidation({ response: z.looseObject({ exists: z.boolean() }) }, async (req, res: KioskResponse) => {
  const parsed = email.safeParse(req.params.email);
  if (!parsed.success) throw new InvalidDataError("email: Invalid email address", { code: "invalid_request", field: "email" });
  res.json({ exists: await req.scope.resolve<CustomerService>("customerService").hasAccount(parsed.data) });
});
