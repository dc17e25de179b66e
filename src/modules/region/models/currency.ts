import { Column, Entity, PrimaryColumn } from "kiosk";

/** An ISO 4217 currency; `code` is lower-case (`usd`), as in Medusa. */
@Entity("currency")
export class Currency {
  @PrimaryColumn({ type: "varchar" })
  code: string;

  @Column({ type: "varchar" })
  name: string;

  @Column({ type: "varchar" })
  symbol: string;

  @Column({ type: "varchar" })
  symbol_native: string;

  /** Digits of the minor unit: 2 for usd (cents), 0 for jpy. */
  @Column({ type: "integer" })
  decimal_digits: number;

  @Column({ type: "boolean" })
  includes_tax: boolean;
}
