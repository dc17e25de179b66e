import { z } from "zod";

/**
 * Building blocks of response schemas (`withValidation({ response })`). A
 * response object is a `z.looseObject`: the fields it declares are checked,
 * and a field added later (a project's custom column) does not break the contract.
 */
export const responses = {
  /** A timestamp as the API writes it: ISO 8601 with its offset (`2024-05-01T12:00:00.000Z`). */
  timestamp: z.iso.datetime({ offset: true }),
  /** A `metadata` field: an object, or null. */
  metadata: z.record(z.string(), z.unknown()).nullable(),
  /** `{ [key]: items, count, offset, limit }`, the envelope of every list (`listEnvelope`). */
  list<K extends string, T extends z.ZodType>(key: K, item: T) {
    return z.looseObject({ [key]: z.array(item), count: z.number().int(), offset: z.number().int(), limit: z.number().int() } as { [P in K]: z.ZodArray<T> } & {
      count: z.ZodNumber;
      offset: z.ZodNumber;
      limit: z.ZodNumber;
    });
  },
  /** `{ id, object, deleted: true }`, the answer of a deletion. */
  deleted: z.looseObject({ id: z.string(), object: z.string(), deleted: z.literal(true) }),
  /** `{ access_token }`, the answer of a token sign-in. */
  token: z.looseObject({ access_token: z.string() }),
  /** An object of another module, named by id: its own schema is that module's. */
  reference: z.looseObject({ id: z.string() }),
};
