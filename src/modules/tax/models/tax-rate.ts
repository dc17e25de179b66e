import { Column, Entity, Index, KioskEntity } from "kiosk";

/** A named tax rate of a region (Medusa v1's `tax_rate`), applied to the products, product types and shipping options linked to it. */
@Entity("tax_rate")
export class TaxRate extends KioskEntity {
  static idPrefix = "txr";

  /** A percentage: 7.5 means 7.5 %; null leaves the linked items at the region's rate. */
  @Column({ type: "real", nullable: true })
  rate: number | null;

  @Column({ type: "varchar", nullable: true })
  code: string | null;

  @Column({ type: "varchar" })
  name: string;

  /** A region of the region module (indexed, without a foreign key). */
  @Index()
  @Column({ type: "varchar" })
  region_id: string;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
