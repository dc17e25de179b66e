/**
 * The error family of Kiosk. Code deep down throws one of these; the HTTP error
 * handler and the CLI runner translate them once, at the edge.
 */

/** The `type` field of an API error body, as in Medusa v1's error responses. */
export type ErrorType =
  | "invalid_data"
  | "unauthorized"
  | "not_allowed"
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "payload_too_large"
  | "unexpected_state"
  | "unavailable"
  | "too_many_requests";

/** Base class: a typed error with an HTTP status, a stable code and an optional field. */
export class KioskError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly code: string;
  readonly field?: string;

  constructor(type: ErrorType, status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.type = type;
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** 400: the input is malformed or fails validation. */
export class InvalidDataError extends KioskError {
  constructor(message: string, options: { code?: string; field?: string } = {}) {
    super("invalid_data", 400, options.code ?? "invalid_data", message, options.field);
  }
}

/** 401: no valid credentials. */
export class UnauthorizedError extends KioskError {
  constructor(message = "Authentication required", code = "unauthorized") {
    super("unauthorized", 401, code, message);
  }
}

/** 403: authenticated, but not allowed to do this. */
export class NotAllowedError extends KioskError {
  constructor(message: string, code = "not_allowed") {
    super("not_allowed", 403, code, message);
  }
}

/** 404: the thing asked for does not exist. */
export class NotFoundError extends KioskError {
  constructor(message: string, code = "not_found") {
    super("not_found", 404, code, message);
  }
}

/** 409: the request clashes with the current state (duplicate, concurrent change). */
export class ConflictError extends KioskError {
  constructor(message: string, code = "conflict") {
    super("conflict", 409, code, message);
  }
}

/** 422: well-formed input that the business rules refuse (out of stock, expired code). */
export class UnprocessableError extends KioskError {
  constructor(message: string, code = "unprocessable", field?: string) {
    super("unprocessable", 422, code, message, field);
  }
}

/**
 * 503: a dependency (a payment provider, the database, Redis) is down or did not
 * answer in time; trying again later may work. Answered with `Retry-After`
 * (`retryAfter` seconds).
 */
export class UnavailableError extends KioskError {
  readonly retryAfter: number;
  constructor(message: string, code = "unavailable", retryAfter = 5) {
    super("unavailable", 503, code, message);
    this.retryAfter = retryAfter;
  }
}

/** 429: too many attempts (sign-ins, sign-ups); `retryAfter` seconds become the `Retry-After` header. */
export class TooManyRequestsError extends KioskError {
  readonly retryAfter: number;
  constructor(message: string, retryAfter: number, code = "rate_limited") {
    super("too_many_requests", 429, code, message);
    this.retryAfter = Math.max(1, Math.ceil(retryAfter));
  }
}

/**
 * An error that stops start-up or a CLI command: bad config, a resource file
 * that fails to load. `code` is stable (KIOSK_*) so scripts can match it.
 */
export class KioskStartupError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "KioskStartupError";
    this.code = code;
  }
}
