import { Column, Entity, Index, KioskEntity } from "kiosk";

/**
 * A stock-keeping unit tracked per location. It stands for one product variant
 * (`variant_id`, Medusa v1's `product_variant_inventory_item` link, one item per
 * variant); once it has levels, checkout reserves the variant's units at a
 * location instead of taking them from the variant's `inventory_quantity`.
 */
@Entity("inventory_item")
export class InventoryItem extends KioskEntity {
  static idPrefix = "iitem";

  /** A variant of the product module (indexed, without a foreign key). */
  @Index({ unique: true })
  @Column({ type: "varchar" })
  variant_id: string;

  @Column({ type: "varchar", nullable: true })
  sku: string | null;

  @Column({ type: "varchar", nullable: true })
  origin_country: string | null;

  @Column({ type: "varchar", nullable: true })
  hs_code: string | null;

  @Column({ type: "varchar", nullable: true })
  mid_code: string | null;

  @Column({ type: "varchar", nullable: true })
  material: string | null;

  @Column({ type: "integer", nullable: true })
  weight: number | null;

  @Column({ type: "integer", nullable: true })
  length: number | null;

  @Column({ type: "integer", nullable: true })
  height: number | null;

  @Column({ type: "integer", nullable: true })
  width: number | null;

  @Column({ type: "varchar", nullable: true })
  title: string | null;

  @Column({ type: "varchar", nullable: true })
  description: string | null;

  @Column({ type: "varchar", nullable: true })
  thumbnail: string | null;

  @Column({ type: "boolean", default: true })
  requires_shipping: boolean;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
