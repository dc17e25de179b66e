import { InvalidDataError, type z } from "kiosk";

/** A 400 naming a header that failed its schema. */
export function validationErrorFor(error: z.ZodError, header: string): InvalidDataError {
  return new InvalidDataError(`${header}: ${error.issues[0]?.message ?? "invalid"}`, { code: "invalid_request", field: header });
}
