import type { z } from "zod";
import type { EmptyResponse } from "../response-schemas";

/** What a route handler declares about itself: its input schemas and the schema of its answer. */
export interface RouteSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  /** The JSON body of a successful answer (200), or an answer with no body (`responses.noContent`). */
  response?: z.ZodType | EmptyResponse;
}

const SCHEMAS = Symbol.for("kiosk.routeSchemas");

/** Records a handler's schemas on it, for the OpenAPI document (`withValidation` does this). */
export function describeRoute<T extends object>(handler: T, schemas: RouteSchemas): T {
  Object.defineProperty(handler, SCHEMAS, { value: schemas, enumerable: false });
  return handler;
}

/** The schemas a handler declares, or undefined for a plain function. */
export function routeSchemas(handler: unknown): RouteSchemas | undefined {
  return (handler as { [SCHEMAS]?: RouteSchemas } | undefined)?.[SCHEMAS];
}
