import { Column, Entity, KioskEntity } from "kiosk";

/**
 * Where products are sold (a web shop, an app, a marketplace): products belong
 * to channels, carts to one, and publishable API keys scope a storefront to
 * theirs. Deleting one only sets `deleted_at`. The migration makes the default
 * channel (`is_default`), which new products join and carts fall back to.
 */
@Entity("sales_channel")
export class SalesChannel extends KioskEntity {
  static idPrefix = "sc";

  @Column({ type: "varchar" })
  name: string;

  @Column({ type: "varchar", nullable: true })
  description: string | null;

  @Column({ type: "boolean", default: false })
  is_disabled: boolean;

  /** The store's default channel (one, made by the migration; it cannot be deleted). */
  @Column({ type: "boolean", default: false })
  is_default: boolean;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  @Column({ type: "datetime", nullable: true })
  deleted_at: Date | null;
}
