import { Check, Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";
import type { PriceList } from "./price-list";

/**
 * One price of a price list: a variant's amount in a currency (for a region when
 * `region_id` is set), for a quantity tier. Variants and regions live in other
 * modules (no foreign key); `product_id` is the variant's, kept for the list's
 * product routes.
 */
@Entity("price_list_price")
@Check("CHK_price_list_price_amount", `"amount" >= 0`)
export class PriceListPrice extends KioskEntity {
  static idPrefix = "ma";

  @Index()
  @Column({ type: "varchar" })
  price_list_id: string;

  @ManyToOne("PriceList", { onDelete: "CASCADE" })
  @JoinColumn({ name: "price_list_id" })
  price_list?: PriceList;

  @Index()
  @Column({ type: "varchar" })
  variant_id: string;

  @Index()
  @Column({ type: "varchar" })
  product_id: string;

  @Column({ type: "varchar" })
  currency_code: string;

  @Index()
  @Column({ type: "varchar", nullable: true })
  region_id: string | null;

  @MoneyColumn()
  amount: number;

  @Column({ type: "integer", nullable: true })
  min_quantity: number | null;

  @Column({ type: "integer", nullable: true })
  max_quantity: number | null;
}
