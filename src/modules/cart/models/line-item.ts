import { Check, Column, Customizable, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn, OneToMany } from "kiosk";
import type { Cart } from "./cart";
import type { LineItemAdjustment } from "./line-item-adjustment";

/**
 * A line of a cart, and later of the order made from it (`order_id`). Title,
 * thumbnail and unit price are copied from the catalog when the line is added,
 * so an order keeps what was bought at the price it was bought for.
 * `reserved_quantity` is the stock taken from the variant at completion, given
 * back if the order is canceled.
 */
@Customizable("line_item")
@Entity("line_item")
@Check("CHK_line_item_quantity", `"quantity" > 0`)
@Check("CHK_line_item_unit_price", `"unit_price" >= 0`)
@Check("CHK_line_item_fulfilled", `"fulfilled_quantity" >= 0 AND "fulfilled_quantity" <= "quantity"`)
@Check("CHK_line_item_shipped", `"shipped_quantity" >= 0 AND "shipped_quantity" <= "fulfilled_quantity"`)
export class LineItem extends KioskEntity {
  static idPrefix = "item";

  @Index()
  @Column({ type: "varchar", nullable: true })
  cart_id: string | null;

  @ManyToOne("Cart", "items", { onDelete: "CASCADE" })
  @JoinColumn({ name: "cart_id" })
  cart?: Cart;

  @Index()
  @Column({ type: "varchar", nullable: true })
  order_id: string | null;

  @ManyToOne("Order", "items")
  @JoinColumn({ name: "order_id" })
  order?: unknown;

  @Index()
  @Column({ type: "varchar", nullable: true })
  variant_id: string | null;

  @Column({ type: "varchar", nullable: true })
  product_id: string | null;

  @Column({ type: "varchar" })
  title: string;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "varchar", nullable: true })
  thumbnail: string | null;

  @Column({ type: "boolean" })
  is_giftcard: boolean;

  @Column({ type: "boolean" })
  allow_discounts: boolean;

  @MoneyColumn()
  unit_price: number;

  @Column({ type: "integer" })
  quantity: number;

  @Column({ type: "integer", default: 0 })
  fulfilled_quantity: number;

  @Column({ type: "integer", default: 0 })
  shipped_quantity: number;

  @Column({ type: "integer", default: 0 })
  returned_quantity: number;

  @Column({ type: "integer", default: 0 })
  reserved_quantity: number;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @OneToMany("LineItemAdjustment", "item")
  adjustments?: LineItemAdjustment[];
}
