import { z } from "zod";

/** The message of every date Kiosk reads from JSON, a seed file or an option. */
export const ISO_DATE_MESSAGE = "expected an ISO 8601 date, such as 2024-05-01 or 2024-05-01T12:00:00Z (a time needs Z or an offset)";

/**
 * A date as JSON carries one: an ISO 8601 date (`2024-05-01`, midnight UTC) or
 * date-time with `Z` or an offset, parsed to a `Date`. Anything else (`next
 * monday`, `05/01/2024`, a time with no zone, `2023-02-29`) is refused with one
 * message, where `z.coerce.date()` would accept some and read them in the
 * server's time zone.
 */
export const isoDateTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: ISO_DATE_MESSAGE })
  .transform((value) => new Date(value));
