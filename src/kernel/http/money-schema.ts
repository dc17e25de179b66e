import { z } from "zod";

/**
 * The largest amount Kiosk stores or computes, in a currency's minor unit:
 * `Number.MAX_SAFE_INTEGER`, so every amount is an exact integer in JavaScript
 * (money columns are 64-bit, see `money-column.ts`).
 */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

/**
 * An amount in a currency's minor unit (cents for usd): a whole number from 0
 * to `MAX_AMOUNT`. Anything else is a 400 naming the field, in zod's words as
 * every other field. Narrow it as needed (`money.min(1)` for a refund).
 */
export const money = z.number().int().min(0).max(MAX_AMOUNT);
