import { Column, Entity, PrimaryColumn } from "kiosk";

/**
 * The draft orders' own counter (`draft_order_display_id`), bumped with one
 * UPDATE in the transaction that creates a draft: concurrent creations take
 * turns on this row, and a rolled-back creation rolls it back too (no gaps).
 */
@Entity("draft_order_sequence")
export class DraftOrderSequence {
  @PrimaryColumn({ type: "varchar" })
  name: string;

  @Column({ type: "integer" })
  value: number;
}
