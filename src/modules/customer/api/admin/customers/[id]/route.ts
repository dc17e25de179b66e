import { retrieveQuery, withValidation, type KioskResponse } from "kiosk";
import type CustomerService from "../../../../services/customer";
import { expandsGroups } from "../../../../services/customer";
import { updateCustomer } from "../validators";
import { customerResponse } from "../../../schemas";

/** A customer with its `shipping_addresses` (and its `groups` with `?expand=groups`): `{ customer }`. */
export const GET = withValidation({ query: retrieveQuery, response: customerResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CustomerService>("customerService");
  res.json({ customer: await service.retrieve(req.params.id, { addresses: true, groups: expandsGroups(req.validatedQuery.expand) }) });
});

/** Updates a customer (email, names, phone, password, metadata, groups): `{ customer }`. */
export const POST = withValidation({ body: updateCustomer, response: customerResponse }, async (req, res: KioskResponse) => {
  res.json({ customer: await req.scope.resolve<CustomerService>("customerService").update(req.params.id, req.validatedBody) });
});
