import { Column, Entity, Index, KioskEntity } from "kiosk";

export const SHIPPING_PROFILE_TYPES = ["default", "gift_card", "custom"] as const;
export type ShippingProfileType = (typeof SHIPPING_PROFILE_TYPES)[number];

/** A shipping profile, as Medusa v1's: a named group of what ships alike (the migration makes the default and gift card ones). */
@Entity("shipping_profile")
export class ShippingProfile extends KioskEntity {
  static idPrefix = "sp";

  @Column({ type: "varchar" })
  name: string;

  @Index()
  @Column({ type: "varchar" })
  type: ShippingProfileType;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
