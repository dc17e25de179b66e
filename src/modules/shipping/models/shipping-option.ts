import { Check, Column, Customizable, Entity, Index, KioskEntity, MoneyColumn } from "kiosk";

/** A requirement on the cart's subtotal for an option to be offered, as in Medusa v1. */
export interface ShippingRequirement {
  type: "min_subtotal" | "max_subtotal";
  amount: number;
}

/**
 * A way to ship to a region at a flat price (minor units of the region's
 * currency), fulfilled by a fulfillment provider. Deleting one only sets
 * `deleted_at`, so the shipping methods of past orders keep their option.
 */
@Customizable("shipping_option")
@Entity("shipping_option")
@Check("CHK_shipping_option_amount", `"amount" IS NULL OR "amount" >= 0`)
export class ShippingOption extends KioskEntity {
  static idPrefix = "so";

  @Column({ type: "varchar" })
  name: string;

  @Index()
  @Column({ type: "varchar" })
  region_id: string;

  @Column({ type: "varchar" })
  provider_id: string;

  @Column({ type: "varchar" })
  price_type: "flat_rate";

  @MoneyColumn({ nullable: true })
  amount: number | null;

  @Column({ type: "boolean" })
  is_return: boolean;

  /** Whether `amount` includes tax: the tax is then taken out of it, not added. */
  @Column({ type: "boolean", default: false })
  includes_tax: boolean;

  @Column({ type: "boolean" })
  admin_only: boolean;

  @Column({ type: "jsonb" })
  data: Record<string, unknown>;

  @Column({ type: "jsonb", nullable: true })
  requirements: ShippingRequirement[] | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @Column({ type: "datetime", nullable: true })
  deleted_at: Date | null;
}
