import { Column, Customizable, Entity, JoinTable, KioskEntity, ManyToMany, OneToMany } from "kiosk";
import type { CustomerAddress } from "./customer-address";
import type { CustomerGroup } from "./customer-group";

/**
 * A store customer. `has_account` is true once the customer has a password and
 * can sign in; a guest (a checkout without signing up) has none. Emails are
 * stored lower-cased and are unique.
 */
@Customizable("customer")
@Entity("customer")
export class Customer extends KioskEntity {
  static idPrefix = "cus";

  @Column({ type: "varchar", unique: true })
  email: string;

  @Column({ type: "varchar", nullable: true })
  first_name: string | null;

  @Column({ type: "varchar", nullable: true })
  last_name: string | null;

  @Column({ type: "varchar", nullable: true })
  phone: string | null;

  /** Set by the service (no database default). */
  @Column({ type: "boolean" })
  has_account: boolean;

  /** Never selected unless asked for, so it cannot reach a response. */
  @Column({ type: "varchar", nullable: true, select: false })
  password_hash: string | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  /**
   * Raised by a password change and by signing out everywhere: a token signed with
   * an older version is refused. Never selected unless asked for.
   */
  @Column({ type: "integer", default: 0, select: false })
  token_version: number;

  /** Loaded on demand (`CustomerService.retrieve(id, { addresses: true })`); never saved through the customer. */
  @OneToMany("CustomerAddress", "customer")
  shipping_addresses?: CustomerAddress[];

  /** The groups the customer is in (`customer_group_customers`); loaded on demand (`expand=groups`), written by `customerGroupService`. */
  @ManyToMany("CustomerGroup", "customers")
  @JoinTable({
    name: "customer_group_customers",
    joinColumn: { name: "customer_id", referencedColumnName: "id" },
    inverseJoinColumn: { name: "customer_group_id", referencedColumnName: "id" },
  })
  groups?: CustomerGroup[];
}
