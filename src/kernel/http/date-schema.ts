import { z } from "zod";

/** 0001-01-01T00:00:00.000Z: PostgreSQL's `timestamptz` and SQLite's text dates both hold years 1 to 9999. */
export const MIN_DATE = Date.parse("0001-01-01T00:00:00.000Z");
/** 9999-12-31T23:59:59.999Z. */
export const MAX_DATE = Date.parse("9999-12-31T23:59:59.999Z");

export const DATE_RANGE_MESSAGE = "expected an ISO 8601 date between years 1 and 9999";

/** True for a valid Date both databases store as it is (UTC years 1 to 9999). */
export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  return time >= MIN_DATE && time <= MAX_DATE;
}

/**
 * A date in a body or a query: an ISO 8601 string (`2025-01-31`,
 * `2025-01-31T12:00:00Z`) or a timestamp in milliseconds, from year 1 to 9999
 * (UTC), parsed to a Date. Anything else (`-271821-04-20`, `+275760-09-13`,
 * `true`, a date JavaScript cannot parse) is a 400 naming the field.
 */
export const isoDate = z.unknown().transform((value, ctx) => {
  const date =
    (typeof value === "string" && value.length <= 64) || typeof value === "number" ? new Date(value) : undefined;
  if (date && isStorableDate(date)) return date;
  ctx.issues.push({ code: "custom", message: DATE_RANGE_MESSAGE, input: value, params: { code: "invalid_date" } });
  return z.NEVER;
});

/**
 * A date filter of a list route, as Medusa v1 writes them:
 * `?created_at[gte]=2025-01-01&created_at[lt]=2025-02-01`. Each bound is an
 * `isoDate`, so a filter never asks the database for a date it cannot hold.
 */
export const dateRange = z.strictObject({
  gt: isoDate.optional(),
  gte: isoDate.optional(),
  lt: isoDate.optional(),
  lte: isoDate.optional(),
});

export const STRICT_DATE_MESSAGE = "expected an ISO 8601 date, such as 2024-05-01 or 2024-05-01T12:00:00Z (a time needs Z or an offset)";

/**
 * A date written by hand, where `isoDate`'s leniency would misread it: a seed
 * file, a generated entity's `datetime` field. Only ISO 8601, a date
 * (`2024-05-01`, midnight UTC) or a date-time with `Z` or an offset, from year 1
 * to 9999, parsed to a Date. `05/01/2024`, `May 1 2024`, a time with no zone
 * (read in the server's zone), `2023-02-29` (read as March 1st) and numbers
 * (seconds taken for milliseconds) are refused, naming the field.
 */
export const strictIsoDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: STRICT_DATE_MESSAGE })
  .transform((value) => new Date(value))
  .refine(isStorableDate, STRICT_DATE_MESSAGE);
