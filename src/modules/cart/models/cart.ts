import { Column, Customizable, Entity, Index, JoinTable, KioskEntity, ManyToMany, OneToMany } from "kiosk";
import type { LineItem } from "./line-item";

/** A postal address kept on the cart (and copied to its order), as Medusa v1's `Address`. */
export interface CartAddress {
  id: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  country_code: string | null;
  province: string | null;
  postal_code: string | null;
  phone: string | null;
  metadata: Record<string, unknown> | null;
}

/**
 * A shopping cart in one region (and so one currency). Completing it makes an
 * order; `completed_at` marks that, and a completed cart no longer changes.
 * `region_id` and `customer_id` point into other modules, so they are indexed
 * but carry no foreign key.
 */
@Customizable("cart")
@Entity("cart")
export class Cart extends KioskEntity {
  static idPrefix = "cart";

  @Column({ type: "varchar", nullable: true })
  email: string | null;

  @Index()
  @Column({ type: "varchar" })
  region_id: string;

  @Index()
  @Column({ type: "varchar", nullable: true })
  customer_id: string | null;

  @Column({ type: "varchar" })
  currency_code: string;

  /** The sales channel it sells from (the sales-channel module's; store carts only, null for draft and swap carts). */
  @Index()
  @Column({ type: "varchar", nullable: true })
  sales_channel_id: string | null;

  @Column({ type: "jsonb", nullable: true })
  shipping_address: CartAddress | null;

  @Column({ type: "jsonb", nullable: true })
  billing_address: CartAddress | null;

  @Column({ type: "varchar", default: "default" })
  type: string;

  @Column({ type: "datetime", nullable: true })
  completed_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  payment_authorized_at: Date | null;

  @Column({ type: "varchar", nullable: true })
  idempotency_key: string | null;

  @Column({ type: "jsonb", nullable: true })
  context: Record<string, unknown> | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @OneToMany("LineItem", "cart")
  items?: LineItem[];

  /** The discount codes applied (the discount module's `discount` rows). */
  @ManyToMany("Discount")
  @JoinTable({
    name: "cart_discounts",
    joinColumn: { name: "cart_id", referencedColumnName: "id" },
    inverseJoinColumn: { name: "discount_id", referencedColumnName: "id" },
  })
  discounts?: any[];

  @OneToMany("ShippingMethod", "cart")
  shipping_methods?: any[];

  @OneToMany("PaymentSession", "cart")
  payment_sessions?: any[];
}
