/** The provider did not authorize the payment: the completion rolls back, then the session keeps the provider's answer. */
export class PaymentNotAuthorized extends Error {
  constructor(
    readonly status: "requires_more" | "error",
    readonly data: Record<string, unknown>,
  ) {
    super(`payment ${status}`);
  }
}

/** A unique violation (the order's `cart_id` or `idempotency_key`) on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { driverError?: { code?: string } } | undefined)?.driverError?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
