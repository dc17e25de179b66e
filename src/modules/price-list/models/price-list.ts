import { Column, Entity, KioskEntity } from "kiosk";

export type PriceListType = "sale" | "override";
export type PriceListStatus = "active" | "draft";

/**
 * A price list (Medusa v1): prices for variants that apply, while the list is
 * `active` and within `starts_at`..`ends_at`, to the customers of its groups (or
 * to everyone when it has none). A `sale` list's price applies when it is lower
 * than the variant's own; an `override` list's price applies whatever it is.
 * Deleting one only sets `deleted_at`.
 */
@Entity("price_list")
export class PriceList extends KioskEntity {
  static idPrefix = "pl";

  @Column({ type: "varchar" })
  name: string;

  @Column({ type: "text" })
  description: string;

  @Column({ type: "varchar" })
  type: PriceListType;

  @Column({ type: "varchar" })
  status: PriceListStatus;

  @Column({ type: "datetime", nullable: true })
  starts_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  ends_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  deleted_at: Date | null;
}
