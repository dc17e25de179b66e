import { BeforeInsert, BeforeUpdate, Column, PrimaryColumn } from "typeorm";
import { generateId } from "../ids";

/**
 * Base class for every Kiosk entity: a prefixed ULID primary key and
 * created/updated timestamps. Subclasses set `static idPrefix` (`"prod"` gives `prod_01J…`).
 * Timestamps are set by the entity, not by database defaults, so the same
 * migration runs on SQLite and PostgreSQL.
 */
export abstract class KioskEntity {
  /** Prefix of generated ids; override in each entity. */
  static idPrefix = "id";

  @PrimaryColumn({ type: "varchar" })
  id: string;

  @Column({ type: "datetime" })
  created_at: Date;

  @Column({ type: "datetime" })
  updated_at: Date;

  @BeforeInsert()
  protected beforeInsertKiosk(): void {
    if (!this.id) this.id = generateId((this.constructor as typeof KioskEntity).idPrefix);
    const now = new Date();
    this.created_at ??= now;
    this.updated_at ??= now;
  }

  @BeforeUpdate()
  protected beforeUpdateKiosk(): void {
    this.updated_at = new Date();
  }
}
