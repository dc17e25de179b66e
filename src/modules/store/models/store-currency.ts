import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import { Store } from "./store";

/** A currency the store sells in (Medusa v1's `store_currencies`). */
@Entity("store_currencies")
export class StoreCurrency {
  @PrimaryColumn({ type: "varchar" })
  store_id: string;

  /** A code of the region module's currency catalogue (indexed, without a foreign key: that table is the region module's). */
  @Index()
  @PrimaryColumn({ type: "varchar" })
  currency_code: string;

  @ManyToOne(() => Store, { onDelete: "CASCADE" })
  @JoinColumn({ name: "store_id" })
  store?: Store;
}
