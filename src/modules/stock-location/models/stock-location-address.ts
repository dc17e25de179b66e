import { Column, Entity, KioskEntity } from "kiosk";

/** The address of a stock location (Medusa v1's `StockLocationAddress`). */
@Entity("stock_location_address")
export class StockLocationAddress extends KioskEntity {
  static idPrefix = "laddr";

  @Column({ type: "varchar" })
  address_1: string;

  @Column({ type: "varchar", nullable: true })
  address_2: string | null;

  @Column({ type: "varchar", nullable: true })
  company: string | null;

  @Column({ type: "varchar", nullable: true })
  city: string | null;

  /** Lower-case ISO 3166-1 alpha-2. */
  @Column({ type: "varchar" })
  country_code: string;

  @Column({ type: "varchar", nullable: true })
  phone: string | null;

  @Column({ type: "varchar", nullable: true })
  province: string | null;

  @Column({ type: "varchar", nullable: true })
  postal_code: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
