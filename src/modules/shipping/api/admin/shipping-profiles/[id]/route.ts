import { responses, withValidation, type KioskResponse } from "kiosk";
import type ShippingProfileService from "../../../../services/shipping-profile";
import { updateShippingProfile } from "../validators";
import { shippingProfileResponse } from "../../../schemas";

export const GET = withValidation({ response: shippingProfileResponse }, async (req, res: KioskResponse) => {
  res.json({ shipping_profile: await req.scope.resolve<ShippingProfileService>("shippingProfileService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateShippingProfile, response: shippingProfileResponse }, async (req, res: KioskResponse) => {
  res.json({ shipping_profile: await req.scope.resolve<ShippingProfileService>("shippingProfileService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<ShippingProfileService>("shippingProfileService").delete(req.params.id);
  res.json({ id: req.params.id, object: "shipping_profile", deleted: true });
});
