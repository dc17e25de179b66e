import { UnprocessableError } from "kiosk";

/**
 * For each status, the statuses it may move to. A status that may follow
 * itself lists itself (`partially_refunded` → `partially_refunded` is another
 * partial refund); one that does not (`completed`) cannot be reached twice.
 */
export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

/** The allowed transitions of one of an order's status columns. */
export class StateMachine<S extends string> {
  constructor(
    readonly column: string,
    readonly transitions: Transitions<S>,
  ) {}

  can(from: S, to: S): boolean {
    return this.transitions[from]?.includes(to) ?? false;
  }

  /** Refuses `from → to` with a 422 and `code` unless the table allows it. */
  assert(from: S, to: S, code: string): void {
    if (!this.can(from, to)) throw new UnprocessableError(`The order's ${this.column} cannot go from ${from} to ${to}`, code);
  }

  /** Refuses with a 422 and `code` unless `from` may move to one of `targets`. */
  assertAny(from: S, targets: readonly S[], code: string): void {
    if (!targets.some((to) => this.can(from, to))) {
      throw new UnprocessableError(`The order's ${this.column} cannot go from ${from} to ${targets.join(" or ")}`, code);
    }
  }
}
