import { requireActorId, withValidation, type KioskRequest, type KioskResponse } from "kiosk";
import type CustomerService from "../../../../services/customer";
import { updateMe } from "./validators";

/** The signed-in customer with its `shipping_addresses`: `{ customer }`. */
export async function GET(req: KioskRequest, res: KioskResponse) {
  const service = req.scope.resolve<CustomerService>("customerService");
  res.json({ customer: await service.retrieve(requireActorId(req, "customer"), { addresses: true }) });
}

/** Updates the signed-in customer (names, phone, email, password, metadata): `{ customer }`. */
export const POST = withValidation({ body: updateMe }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CustomerService>("customerService");
  res.json({ customer: await service.update(requireActorId(req, "customer"), req.validatedBody) });
});
