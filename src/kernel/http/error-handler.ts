import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { fromConstraintViolation } from "../database/constraint-error";
import { KioskError, TooManyRequestsError, UnavailableError } from "../errors";
import { fromOutage } from "./outage-error";

interface ErrorBody {
  type: string;
  code: string;
  message: string;
  field?: string;
  stack?: string;
}

/** Errors raised by express's own body parser, which carry a status and a `type`. */
function fromBodyParser(err: any): ErrorBody & { status: number } | undefined {
  if (err?.type === "entity.parse.failed") {
    return { status: 400, type: "invalid_data", code: "invalid_json", message: "The request body is not valid JSON" };
  }
  if (err instanceof URIError) {
    return { status: 400, type: "invalid_data", code: "invalid_url", message: "The URL is malformed" };
  }
  if (err?.type === "entity.too.large") {
    return { status: 413, type: "payload_too_large", code: "payload_too_large", message: "The request body is too large" };
  }
  if (typeof err?.status === "number" && err.status >= 400 && err.status < 500 && err.expose) {
    return { status: err.status, type: "invalid_data", code: String(err.type ?? "bad_request").replace(/\W/g, "_"), message: err.message };
  }
  return undefined;
}

/** During an outage every request fails alike: one warning per this many ms, the rest at debug. */
const OUTAGE_LOG_INTERVAL = 10_000;

/**
 * The one place errors become responses: `{ type, code, message, field? }` with
 * the error's status. A database or Redis outage is a 503 with Retry-After.
 * Unknown errors are logged and masked as a 500; stacks are shown only while
 * developing.
 */
export function createErrorHandler(logger: Logger, showStack: boolean) {
  let outageLogged = 0;
  return (thrown: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const outage = fromOutage(thrown);
    if (outage) {
      const warn = Date.now() - outageLogged >= OUTAGE_LOG_INTERVAL;
      if (warn) outageLogged = Date.now();
      logger[warn ? "warn" : "debug"]({ code: outage.code, err: (thrown as Error)?.message, path: req.path }, "request failed: dependency unavailable");
    }
    const err = fromConstraintViolation(thrown) ?? outage ?? thrown;
    let status: number;
    let body: ErrorBody;
    const parsed = fromBodyParser(err);
    if (err instanceof KioskError) {
      status = err.status;
      body = { type: err.type, code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) };
    } else if (parsed) {
      ({ status, ...body } = parsed);
    } else {
      status = 500;
      body = { type: "unexpected_state", code: "internal_error", message: "An unexpected error occurred" };
      logger.error({ err, requestId: (req as any).requestId, path: req.path }, "request failed");
    }
    if (showStack && err instanceof Error && status === 500) body.stack = err.stack;
    if (res.headersSent) return void res.end();
    if (err instanceof UnavailableError || err instanceof TooManyRequestsError) res.setHeader("Retry-After", String(err.retryAfter));
    res.status(status).json(body);
  };
}

/** 404 JSON for every path no route claimed. */
export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({ type: "not_found", code: "route_not_found", message: `No route for ${req.method} ${req.path}` });
}
