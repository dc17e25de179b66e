import { InvalidDataError, KioskError } from "../errors";

/**
 * What every request's input must fit, whatever route it reaches (see
 * `input-edge.ts`). The numbers are part of the API: the README lists them.
 */
export const INPUT_LIMITS = {
  /** Objects and arrays nested at most this deep in a body (the body itself is level 1). */
  maxDepth: 32,
  /** A `metadata` value's JSON text, in characters (escapes counted once). */
  metadataMaxChars: 16 * 1024,
  /** Keys of any one object inside a `metadata` value. */
  metadataMaxKeys: 64,
} as const;

/**
 * A key as a field name can show it: NUL, lone surrogates, quotes and control
 * characters as JSON escapes (`\u0000`), so an error never echoes them raw.
 */
export function printableKey(key: string): string {
  return JSON.stringify(key).slice(1, -1);
}

/** 400 `invalid_string`: a string (or a key) that is not well-formed UTF-16, or holds a NUL. */
export function invalidString(field: string | undefined, where: string, isKey: boolean): InvalidDataError {
  const what = isKey ? "a key" : "text";
  return new InvalidDataError(
    `${field || where}: ${what} must be well-formed Unicode without NUL (\\u0000) characters or lone surrogates`,
    { code: "invalid_string", field },
  );
}

/** 400 `invalid_number`: a number JSON can write but no column holds (`1e400` parses as Infinity). */
export function invalidNumber(field: string | undefined, where: string): InvalidDataError {
  return new InvalidDataError(`${field || where}: expected a finite number`, { code: "invalid_number", field });
}

/** 400 `json_too_deep`: objects and arrays nested past `maxDepth`. */
export function tooDeep(field: string | undefined, where: string): InvalidDataError {
  return new InvalidDataError(`${field || where}: nested deeper than ${INPUT_LIMITS.maxDepth} levels`, {
    code: "json_too_deep",
    field,
  });
}

/** 413 `metadata_too_large`: a metadata value past its size or key budget. */
export function metadataTooLarge(field: string, reason: "chars" | "keys"): KioskError {
  const message =
    reason === "chars"
      ? `${field}: at most ${INPUT_LIMITS.metadataMaxChars} characters of JSON`
      : `${field}: at most ${INPUT_LIMITS.metadataMaxKeys} keys per object`;
  return new KioskError("payload_too_large", 413, "metadata_too_large", message, field);
}
