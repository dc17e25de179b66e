import { Column, type ValueTransformer } from "typeorm";

/**
 * A 64-bit integer read back as a JS number. PostgreSQL's driver hands `bigint`
 * (int8) over as a string, because it may not fit a double; Kiosk keeps amounts
 * within `Number.MAX_SAFE_INTEGER` (inputs are validated, totals checked), so
 * every value read converts exactly. A stored value past that range (written by
 * hand) fails the read instead of coming back as a wrong number.
 */
export const safeIntegerTransformer: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => {
    if (value === null || value === undefined) return value;
    const number = typeof value === "number" ? value : Number(value);
    if (!Number.isSafeInteger(number)) {
      throw new RangeError(`The stored integer ${String(value)} is past Number.MAX_SAFE_INTEGER and cannot be read exactly`);
    }
    return number;
  },
};

/**
 * A money column: an integer amount in the currency's minor unit, 64-bit
 * (`bigint` on PostgreSQL; SQLite's `integer` is 64-bit already) and read as a
 * number. Migrations create it with the portable type `bigint`.
 */
export function MoneyColumn(options: { nullable?: boolean; default?: number } = {}): PropertyDecorator {
  return Column({ ...options, type: "bigint", transformer: safeIntegerTransformer });
}
