import { randomBytes } from "node:crypto";

/** A new code as Medusa v1 makes them: four groups of four upper-case hex digits (`3F9A-0C21-B7E4-55D0`), 64 random bits. */
export function generateGiftCardCode(): string {
  const hex = randomBytes(8).toString("hex").toUpperCase();
  return hex.match(/.{4}/g)!.join("-");
}

/** A code as the storefront types it: trimmed, any case. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}
