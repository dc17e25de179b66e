import { requireActorId, withValidation, type KioskResponse } from "kiosk";
import type CustomerService from "../../../../../services/customer";
import { paymentMethodsResponse } from "../../../../schemas";

/** The payment methods the installed providers keep for the signed-in customer (Medusa's `{ payment_methods: [{ provider_id, data }] }`). */
export const GET = withValidation({ response: paymentMethodsResponse }, async (req, res: KioskResponse) => {
  const customer = await req.scope.resolve<CustomerService>("customerService").retrieve(requireActorId(req, "customer"));
  res.json({ payment_methods: await req.scope.resolve("paymentProviderService").savedMethods({ id: customer.id, email: customer.email }) });
});
