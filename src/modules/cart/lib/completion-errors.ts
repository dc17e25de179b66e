/** Another completion of the same cart is in flight: this one rolls back (undoing its lock) and waits. */
export class CompletionInFlight extends Error {
  constructor() {
    super("another completion of this cart is in flight");
  }
}

/** The completion's row was taken over by the sweeper (this attempt outlived its lease): it leaves the rest to it. */
export class CompletionTakenOver extends Error {
  constructor() {
    super("the sweeper took this completion over");
  }
}

/** A unique violation (the order's `cart_id` or `idempotency_key`, the completion's `cart_id`) on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { driverError?: { code?: string } } | undefined)?.driverError?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
