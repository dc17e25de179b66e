import { metadata, z } from "kiosk";
import { SHIPPING_PROFILE_TYPES } from "../../../models/shipping-profile";

const name = z.string().trim().min(1).max(200);
const type = z.enum(SHIPPING_PROFILE_TYPES, { message: "type must be one of 'default', 'custom', 'gift_card'" });

/** As Medusa v1's `AdminPostShippingProfilesReq`. */
export const createShippingProfile = z.strictObject({ name, type, metadata });

/** As Medusa v1's `AdminPostShippingProfilesProfileReq`, without `products` and `shipping_options` (not supported). */
export const updateShippingProfile = z.strictObject({ name: name.optional(), type: type.optional(), metadata });
