import { Check, Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";
import type { ShippingOption } from "./shipping-option";

/**
 * A shipping option chosen for a cart, with its price at that moment; the order
 * made from the cart takes it over (`order_id`).
 */
@Entity("shipping_method")
@Check("CHK_shipping_method_price", `"price" >= 0`)
export class ShippingMethod extends KioskEntity {
  static idPrefix = "sm";

  @Index()
  @Column({ type: "varchar" })
  shipping_option_id: string;

  @ManyToOne("ShippingOption")
  @JoinColumn({ name: "shipping_option_id" })
  shipping_option?: ShippingOption;

  @Index()
  @Column({ type: "varchar", nullable: true })
  cart_id: string | null;

  @ManyToOne("Cart", "shipping_methods", { onDelete: "CASCADE" })
  @JoinColumn({ name: "cart_id" })
  cart?: unknown;

  @Index()
  @Column({ type: "varchar", nullable: true })
  order_id: string | null;

  @ManyToOne("Order", "shipping_methods")
  @JoinColumn({ name: "order_id" })
  order?: unknown;

  @Column({ type: "varchar" })
  name: string;

  @MoneyColumn()
  price: number;

  @Column({ type: "jsonb" })
  data: Record<string, unknown>;
}
