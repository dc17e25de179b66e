import { Column, Entity, PrimaryColumn } from "kiosk";

/**
 * A named counter (`order_display_id`), bumped with one UPDATE inside the
 * transaction that places an order: portable on SQLite and PostgreSQL, and
 * gap-free because a rolled-back order rolls the counter back too.
 */
@Entity("order_sequence")
export class OrderSequence {
  @PrimaryColumn({ type: "varchar" })
  name: string;

  @Column({ type: "integer" })
  value: number;
}
