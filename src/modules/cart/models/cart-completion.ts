import { Column, Entity, Index, JoinColumn, KioskEntity, ManyToOne, MoneyColumn } from "kiosk";

export type CompletionStep = "reserved" | "authorized";

/**
 * A cart's completion in flight, between its short transactions: stock taken
 * and discount uses counted (`reserved`), then the payment authorized
 * (`authorized`, with the provider's data), until the order is made or
 * everything is given back; the row goes then. One per cart (`cart_id` is
 * unique), so a second completion of the same cart waits for the first.
 * `token` names the attempt that owns the row; `expires_at` is when the
 * sweeper may take a row whose process died, to finish or undo it.
 */
@Entity("cart_completion")
export class CartCompletion extends KioskEntity {
  static idPrefix = "ccomp";

  @Column({ type: "varchar", unique: true })
  cart_id: string;

  @ManyToOne("Cart", { onDelete: "CASCADE" })
  @JoinColumn({ name: "cart_id" })
  cart?: unknown;

  @Column({ type: "varchar" })
  token: string;

  @Column({ type: "varchar" })
  step: CompletionStep;

  @Column({ type: "varchar", nullable: true })
  idempotency_key: string | null;

  /** The cart's `updated_at` as the reservation left it: a change since then voids the completion. */
  @Column({ type: "datetime" })
  cart_updated_at: Date;

  /** Null when the cart's total is 0 (its gift cards pay it all): nothing is authorized. */
  @Column({ type: "varchar", nullable: true })
  payment_session_id: string | null;

  @Column({ type: "varchar", nullable: true })
  provider_id: string | null;

  /** The cart's total the payment is authorized for, in the currency's minor unit. */
  @MoneyColumn()
  amount: number;

  @Column({ type: "varchar" })
  currency_code: string;

  /** Stock taken per variant: `[[variant_id, quantity], …]`. */
  @Column({ type: "jsonb" })
  reserved: [string, number][];

  @Column({ type: "jsonb" })
  discount_ids: string[];

  /** The provider's data: the session's as the reservation read it, then the authorization's. */
  @Column({ type: "jsonb" })
  data: Record<string, unknown>;

  @Index()
  @Column({ type: "datetime" })
  expires_at: Date;
}
