import { requireActorId, withValidation, type KioskResponse } from "kiosk";
import { customerResponse } from "../../../../../schemas";
import type CustomerService from "../../../../../../services/customer";
import type CustomerAddressService from "../../../../../../services/customer-address";
import { updateAddress } from "../validators";

/** Updates one of the signed-in customer's addresses (another customer's is a 404): `{ customer }`. */
export const POST = withValidation({ body: updateAddress, response: customerResponse }, async (req, res: KioskResponse) => {
  const customerId = requireActorId(req, "customer");
  await req.scope
    .resolve<CustomerAddressService>("customerAddressService")
    .update(customerId, req.params.address_id, req.validatedBody);
  res.json({ customer: await req.scope.resolve<CustomerService>("customerService").retrieve(customerId, { addresses: true }) });
});

/** Removes one of the signed-in customer's addresses: `{ customer }`. */
export const DELETE = withValidation({ response: customerResponse }, async (req, res: KioskResponse) => {
  const customerId = requireActorId(req, "customer");
  await req.scope.resolve<CustomerAddressService>("customerAddressService").delete(customerId, req.params.address_id);
  res.json({ customer: await req.scope.resolve<CustomerService>("customerService").retrieve(customerId, { addresses: true }) });
});
