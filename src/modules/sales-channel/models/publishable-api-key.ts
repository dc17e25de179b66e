import { Column, Entity, Index, KioskEntity } from "kiosk";

/**
 * A key a storefront sends as `x-publishable-api-key` (its id is the key):
 * store requests carrying it see only its sales channels. A revoked key is refused.
 */
@Entity("publishable_api_key")
export class PublishableApiKey extends KioskEntity {
  static idPrefix = "pk";

  @Column({ type: "varchar" })
  title: string;

  /** The admin user who made it. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  created_by: string | null;

  /** The admin user who revoked it. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  revoked_by: string | null;

  @Column({ type: "datetime", nullable: true })
  revoked_at: Date | null;
}
