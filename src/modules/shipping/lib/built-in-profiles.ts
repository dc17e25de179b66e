import type { ShippingProfileType } from "../models/shipping-profile";

/** The profiles every store has, with Medusa v1's names; they cannot be deleted, and no other of their types can be made. */
export const BUILT_IN_PROFILES: { name: string; type: ShippingProfileType }[] = [
  { name: "Default Shipping Profile", type: "default" },
  { name: "Gift Card Profile", type: "gift_card" },
];
