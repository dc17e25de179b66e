import { Column, Entity, KioskEntity } from "kiosk";

export const USER_ROLES = ["admin", "member", "developer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** An admin user: who can sign in to `/admin`. */
@Entity("user")
export class User extends KioskEntity {
  static idPrefix = "usr";

  @Column({ type: "varchar", unique: true })
  email: string;

  @Column({ type: "varchar", nullable: true })
  first_name: string | null;

  @Column({ type: "varchar", nullable: true })
  last_name: string | null;

  @Column({ type: "varchar", default: "admin" })
  role: UserRole;

  /** Never selected unless asked for, so it cannot reach a response. */
  @Column({ type: "varchar", select: false })
  password_hash: string;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;

  /**
   * Raised by a password change and by signing out everywhere: a token signed with
   * an older version is refused. Never selected unless asked for.
   */
  @Column({ type: "integer", default: 0, select: false })
  token_version: number;
}
