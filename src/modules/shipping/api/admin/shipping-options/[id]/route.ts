import { withValidation, type KioskResponse, responses } from "kiosk";
import type ShippingOptionService from "../../../../services/shipping-option";
import { updateShippingOption } from "../validators";
import { shippingOptionResponse } from "../../../schemas";

export const GET = withValidation({ response: shippingOptionResponse }, async (req, res: KioskResponse) => {
  res.json({ shipping_option: await req.scope.resolve<ShippingOptionService>("shippingOptionService").retrieve(req.params.id) });
});

/** Changes name, price, data, admin_only, requirements or metadata: `{ shipping_option }`. */
export const POST = withValidation({ body: updateShippingOption, response: shippingOptionResponse }, async (req, res: KioskResponse) => {
  const { requirements, ...input } = req.validatedBody;
  const service = req.scope.resolve<ShippingOptionService>("shippingOptionService");
  const requirementRows = requirements?.map(({ type, amount }) => ({ type, amount }));
  res.json({ shipping_option: await service.update(req.params.id, { ...input, requirements: requirementRows }) });
});

/** Deletes an option (orders that used it keep it): `{ id, object, deleted }`. */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<ShippingOptionService>("shippingOptionService").delete(req.params.id);
  res.json({ id: req.params.id, object: "shipping-option", deleted: true });
});
