import { withValidation, type KioskResponse } from "kiosk";
import type ShippingProfileService from "../../../services/shipping-profile";
import { createShippingProfile } from "./validators";
import { shippingProfileList, shippingProfileResponse } from "../../schemas";

export const GET = withValidation({ response: shippingProfileList }, async (req, res: KioskResponse) => {
  res.json({ shipping_profiles: await req.scope.resolve<ShippingProfileService>("shippingProfileService").list() });
});

export const POST = withValidation({ body: createShippingProfile, response: shippingProfileResponse }, async (req, res: KioskResponse) => {
  res.json({ shipping_profile: await req.scope.resolve<ShippingProfileService>("shippingProfileService").create(req.validatedBody) });
});
