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
  /** An answer with no body: `res.status(204).end()`. */
  noContent: { emptyStatus: 204 } as EmptyResponse,
  /** An answer of 200 with no body (`res.status(200).end()`, as Medusa v1's sign-outs answer). */
  emptyOk: { emptyStatus: 200 } as EmptyResponse,
  /** A file's bytes (`res.sendFile`), not JSON: 200 with the file's own content type. */
  file: { emptyStatus: 200, file: true } as EmptyResponse,
};

/** A response declared to have no JSON body, with its status (`responses.noContent`, `responses.emptyOk`, `responses.file`). */
export interface EmptyResponse {
  readonly emptyStatus: 200 | 204;
  /** The answer is a file's bytes rather than nothing (`responses.file`). */
  readonly file?: true;
}

/** Whether a declared response is one of the empty answers. */
export function isEmptyResponse(response: unknown): response is EmptyResponse {
  return typeof response === "object" && response !== null && "emptyStatus" in response;
}
