import { Column, Customizable, Entity, JoinColumn, KioskEntity, ManyToOne, OneToMany } from "kiosk";
import { Country } from "./country";
import { Currency } from "./currency";

/** A market: one currency, one tax rate, the countries it ships to. */
@Customizable("region")
@Entity("region")
export class Region extends KioskEntity {
  static idPrefix = "reg";

  @Column({ type: "varchar" })
  name: string;

  @Column({ type: "varchar" })
  currency_code: string;

  @ManyToOne(() => Currency)
  @JoinColumn({ name: "currency_code", referencedColumnName: "code" })
  currency?: Currency;

  /** A percentage: 25 means 25 %. */
  @Column({ type: "real" })
  tax_rate: number;

  @Column({ type: "varchar", nullable: true })
  tax_code: string | null;

  @Column({ type: "boolean" })
  includes_tax: boolean;

  @Column({ type: "boolean" })
  automatic_taxes: boolean;

  @OneToMany(() => Country, (country) => country.region)
  countries?: Country[];

  /** The payment providers chosen for the region; null: every installed one. */
  @Column({ type: "jsonb", nullable: true })
  payment_provider_ids: string[] | null;

  /** The fulfillment providers chosen for the region; null: every installed one. */
  @Column({ type: "jsonb", nullable: true })
  fulfillment_provider_ids: string[] | null;

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null;
}
