import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type CustomerService from "../../../services/customer";
import { createCustomer, listCustomers } from "./validators";
import { customerList, customerResponse } from "../../schemas";

/** Lists customers, searched with `q`: `{ customers, count, offset, limit }`. */
export const GET = withValidation({ query: listCustomers, response: customerList }, async (req, res: KioskResponse) => {
  const [customers, count] = await req.scope.resolve<CustomerService>("customerService").list(req.validatedQuery);
  res.json(listEnvelope("customers", customers, count, req.validatedQuery));
});

/** Creates a customer with an account: `{ customer }`. */
export const POST = withValidation({ body: createCustomer, response: customerResponse }, async (req, res: KioskResponse) => {
  res.status(200).json({ customer: await req.scope.resolve<CustomerService>("customerService").create(req.validatedBody) });
});
