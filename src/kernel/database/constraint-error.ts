import { QueryFailedError } from "typeorm";
import { ConflictError, InvalidDataError, type KioskError } from "../errors";

/**
 * A unique or foreign-key violation that escaped a service's own checks (two
 * requests racing for the same email, say) as the 4xx it is, on both dialects.
 */
export function fromConstraintViolation(err: unknown): KioskError | undefined {
  if (!(err instanceof QueryFailedError)) return undefined;
  const driverError = (err as QueryFailedError & { driverError?: { code?: string } }).driverError;
  const code = driverError?.code ?? "";
  if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return new ConflictError("A record with the same unique value already exists", "duplicate_error");
  }
  if (code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY") {
    return new InvalidDataError("The request refers to a record that does not exist or is still in use", { code: "invalid_reference" });
  }
  if (code === "23514" || code === "SQLITE_CONSTRAINT_CHECK") {
    return new InvalidDataError("The change breaks a rule of the data", { code: "constraint_violation" });
  }
  return undefined;
}
