import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * An event staged in the same transaction as the data it describes. It is
 * published after commit and deleted once delivered; rows left by a crash are
 * published at the next start, so a commit never loses its events.
 */
@Entity("kiosk_outbox")
export class OutboxEvent {
  @PrimaryColumn({ type: "varchar" })
  id: string;

  @Column({ type: "varchar" })
  name: string;

  /** JSON text, so the row is the same on every database. */
  @Column({ type: "text" })
  data: string;

  @Index("IDX_kiosk_outbox_created_at")
  @Column({ type: "datetime" })
  created_at: Date;
}
