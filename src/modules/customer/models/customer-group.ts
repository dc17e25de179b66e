import { Column, Entity, Index, KioskEntity, ManyToMany } from "kiosk";
import type { Customer } from "./customer";

/**
 * A group of customers ("VIP", "Wholesale"), as Medusa v1 keeps them: a price
 * list may be for some groups only. Deleting one only sets `deleted_at` (and
 * lets its customers go); `name` is unique among the groups not deleted.
 */
@Entity("customer_group")
@Index("IDX_customer_group_name_live", ["name"], { unique: true, where: `"deleted_at" IS NULL` })
export class CustomerGroup extends KioskEntity {
  static idPrefix = "cgrp";

  @Column({ type: "varchar" })
  name: string;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @Column({ type: "datetime", nullable: true })
  deleted_at: Date | null;

  /** The members (`customer_group_customers`); loaded on demand, written by the service. */
  @ManyToMany("Customer", "groups")
  customers?: Customer[];
}
