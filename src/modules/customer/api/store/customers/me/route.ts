import { requireActorId, withValidation, type KioskResponse } from "kiosk";
import type CustomerService from "../../../../services/customer";
import { updateMe } from "./validators";
import { customerResponse } from "../../../schemas";

/** The signed-in customer with its `shipping_addresses`: `{ customer }`. */
export const GET = withValidation({ response: customerResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CustomerService>("customerService");
  res.json({ customer: await service.retrieve(requireActorId(req, "customer"), { addresses: true }) });
});

/** Updates the signed-in customer (names, phone, email, password, metadata): `{ customer }`. */
export const POST = withValidation({ body: updateMe, response: customerResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CustomerService>("customerService");
  res.json({ customer: await service.update(requireActorId(req, "customer"), req.validatedBody) });
});
