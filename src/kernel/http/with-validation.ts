import type { NextFunction, Response } from "express";
import type { z } from "zod";
import { InvalidDataError } from "../errors";
import { checkParsed } from "./check-parsed";
import type { EmptyResponse } from "./response-schemas";
import { describeRoute } from "./openapi/route-schemas";
import type { KioskRequest } from "./types";

/**
 * Turns the first zod issue into a 400 naming the field. The code is
 * `invalid_request`, or the one a refinement gives in `params.code` (`isoDate`
 * gives `invalid_date`).
 */
export function validationError(error: z.ZodError, where: "body" | "query" | "params"): InvalidDataError {
  const issue = error.issues[0];
  const keys = (issue as { keys?: string[] }).keys;
  const field = [...issue.path, ...(keys ?? [])].map(String).join(".");
  const message = keys?.length
    ? `Unrecognized field${keys.length > 1 ? "s" : ""} in ${where}: ${keys.join(", ")}`
    : `${field || where}: ${issue.message}`;
  const code = (issue as { params?: { code?: unknown } }).params?.code;
  return new InvalidDataError(message, { code: typeof code === "string" ? code : "invalid_request", field: field || undefined });
}

/**
 * Declares a route's input with the route: the handler receives
 * `req.validatedBody` / `req.validatedQuery` already parsed, and bad input is a
 * 400 `{ type, code, message, field }` before the handler runs. Every request
 * has passed the kernel's input edge first (`input-edge.ts`: text, nesting,
 * metadata); what the schema makes of it is checked once more for dates and
 * numbers no column holds (`check-parsed.ts`), so a route that coerces with
 * `z.coerce.date()` is as safe as one that uses `isoDate`.
 *
 * `response` declares the JSON body of a successful answer (not checked at run
 * time): it is the route's response schema in the OpenAPI document
 * (`kiosk openapi`, `GET /openapi.json`); `responses.noContent` /
 * `responses.emptyOk` declare an answer with no body (204 / 200).
 */
export function withValidation<B = unknown, Q = unknown>(
  schemas: { body?: z.ZodType<B>; query?: z.ZodType<Q>; response?: z.ZodType | EmptyResponse },
  handler: (req: KioskRequest<B, Q>, res: Response, next: NextFunction) => unknown,
) {
  return describeRoute((req: KioskRequest<B, Q>, res: Response, next: NextFunction) => {
    if (schemas.body) {
      const parsed = schemas.body.safeParse(req.body ?? {});
      if (!parsed.success) throw validationError(parsed.error, "body");
      const unstorable = checkParsed(parsed.data, "body");
      if (unstorable) throw unstorable;
      req.validatedBody = parsed.data;
    }
    if (schemas.query) {
      const parsed = schemas.query.safeParse(req.query ?? {});
      if (!parsed.success) throw validationError(parsed.error, "query");
      const unstorable = checkParsed(parsed.data, "query");
      if (unstorable) throw unstorable;
      req.validatedQuery = parsed.data;
    }
    return handler(req, res, next);
  }, schemas);
}
