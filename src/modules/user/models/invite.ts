import { Column, Entity, KioskEntity } from "kiosk";
import type { UserRole } from "./user";

/** An invitation to become an admin user, as Medusa v1's: accepted with its token, which it keeps until resent. */
@Entity("invite")
export class Invite extends KioskEntity {
  static idPrefix = "invite";

  /** Lower-cased; one invite per email (a new invite for it replaces the old one's token and role). */
  @Column({ type: "varchar", unique: true })
  user_email: string;

  @Column({ type: "varchar" })
  role: UserRole;

  @Column({ type: "boolean" })
  accepted: boolean;

  /** The signed token a notification sends; only this one is accepted. */
  @Column({ type: "text" })
  token: string;

  @Column({ type: "datetime" })
  expires_at: Date;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
