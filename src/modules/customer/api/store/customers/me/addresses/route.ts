import { requireActorId, withValidation, type KioskResponse } from "kiosk";
import { customerResponse } from "../../../../schemas";
import type CustomerService from "../../../../../services/customer";
import type CustomerAddressService from "../../../../../services/customer-address";
import { addAddress } from "./validators";

/** Adds an address to the signed-in customer's address book: `{ customer }`. */
export const POST = withValidation({ body: addAddress, response: customerResponse }, async (req, res: KioskResponse) => {
  const customerId = requireActorId(req, "customer");
  await req.scope.resolve<CustomerAddressService>("customerAddressService").add(customerId, req.validatedBody.address);
  res.json({ customer: await req.scope.resolve<CustomerService>("customerService").retrieve(customerId, { addresses: true }) });
});
