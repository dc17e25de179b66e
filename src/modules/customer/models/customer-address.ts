import { Column, Customizable, Entity, Index, JoinColumn, KioskEntity, ManyToOne } from "kiosk";
import type { Customer } from "./customer";

/** An address in a customer's address book (Medusa's `shipping_addresses`); deleted with its customer. */
@Customizable("customer_address")
@Entity("customer_address")
export class CustomerAddress extends KioskEntity {
  static idPrefix = "addr";

  @Index()
  @Column({ type: "varchar" })
  customer_id: string;

  @ManyToOne("Customer", "shipping_addresses", { onDelete: "CASCADE" })
  @JoinColumn({ name: "customer_id" })
  customer?: Customer;

  @Column({ type: "varchar", nullable: true })
  first_name: string | null;

  @Column({ type: "varchar", nullable: true })
  last_name: string | null;

  @Column({ type: "varchar", nullable: true })
  company: string | null;

  @Column({ type: "varchar", nullable: true })
  address_1: string | null;

  @Column({ type: "varchar", nullable: true })
  address_2: string | null;

  @Column({ type: "varchar", nullable: true })
  city: string | null;

  /** ISO 3166-1 alpha-2, lower-case. */
  @Column({ type: "varchar", nullable: true })
  country_code: string | null;

  @Column({ type: "varchar", nullable: true })
  province: string | null;

  @Column({ type: "varchar", nullable: true })
  postal_code: string | null;

  @Column({ type: "varchar", nullable: true })
  phone: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
