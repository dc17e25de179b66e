import { Check, Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";
import type { ProductVariant } from "./product-variant";

/**
 * A variant's price in a currency's minor unit: for a region when `region_id` is
 * set (regions live in their own module, so no foreign key), else for every region
 * in that currency.
 */
@Entity("money_amount")
@Check("CHK_money_amount_amount", `"amount" >= 0`)
export class MoneyAmount extends KioskEntity {
  static idPrefix = "ma";

  @Column({ type: "varchar" })
  currency_code: string;

  @MoneyColumn()
  amount: number;

  @Column({ type: "integer", nullable: true })
  min_quantity: number | null;

  @Column({ type: "integer", nullable: true })
  max_quantity: number | null;

  @Index()
  @Column({ type: "varchar", nullable: true })
  region_id: string | null;

  @Index()
  @Column({ type: "varchar" })
  variant_id: string;

  @ManyToOne("ProductVariant", "prices", { onDelete: "CASCADE" })
  @JoinColumn({ name: "variant_id" })
  variant?: ProductVariant;
}
