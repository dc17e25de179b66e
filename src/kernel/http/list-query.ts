import { z } from "zod";

/** The largest page a list route returns. */
export const MAX_LIMIT = 1000;

/** `?id=a&id=b`, `?id[]=a`, or `?id=a,b` -> `["a", "b"]`. */
export const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean));

/** `offset`, `limit`, `expand` and `fields` of every list route, as in Medusa v1. */
export function listQuery<T extends z.ZodRawShape>(shape: T, defaultLimit = 20) {
  return z.strictObject({
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(defaultLimit),
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
