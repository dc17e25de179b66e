import { z } from "zod";

/** The largest page a list route returns unless it sets a smaller maximum of its own. */
export const MAX_LIMIT = 1000;

/** `?id=a&id=b`, `?id[]=a`, or `?id=a,b` -> `["a", "b"]`. */
export const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean));

/**
 * `offset`, `limit`, `expand` and `fields` of every list route, as in Medusa v1.
 * `maxLimit` is the route's largest page (a larger `limit` is a 400): routes
 * whose items are heavy (products with variants and prices, orders) keep it
 * low, so one client's page cannot starve the others.
 */
export function listQuery<T extends z.ZodRawShape>(shape: T, defaultLimit = 20, maxLimit = MAX_LIMIT) {
  return z.strictObject({
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    expand: z.string().max(500).optional(),
    fields: z.string().max(500).optional(),
    order: z.string().max(100).optional(),
    ...shape,
  });
}

/** `?expand=` / `?fields=` of a single-record route. */
export const retrieveQuery = z.strictObject({
  expand: z.string().max(500).optional(),
  fields: z.string().max(500).optional(),
});

/** The list envelope: `{ [key]: items, count, offset, limit }`. */
export function listEnvelope<T>(key: string, items: T[], count: number, query: { offset: number; limit: number }) {
  return { [key]: items, count, offset: query.offset, limit: query.limit };
}
