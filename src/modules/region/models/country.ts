import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "kiosk";
import type { Region } from "./region";

/** A country assigned to a region; a country belongs to one region at most. */
@Entity("region_country")
export class Country {
  /** ISO 3166-1 alpha-2, lower-case. */
  @PrimaryColumn({ type: "varchar" })
  iso_2: string;

  @Column({ type: "varchar" })
  name: string;

  @Column({ type: "varchar" })
  display_name: string;

  @Index()
  @Column({ type: "varchar" })
  region_id: string;

  @ManyToOne("Region", "countries", { onDelete: "CASCADE" })
  @JoinColumn({ name: "region_id" })
  region?: Region;
}
