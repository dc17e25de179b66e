import type { KioskContainer } from "../container/kiosk-services";
import type { NextFunction, Request, Response } from "express";

/** The request a route handler receives: express's, plus the per-request container scope. */
export interface KioskRequest<Body = any, Query = any> extends Request {
  /** Path parameters (`[id]` -> `params.id`); catch-alls (`[...rest]`) are joined with `/`. */
  params: Record<string, string>;
  /** A child scope of the container, created for this request: `resolve("productService")` is typed from `KioskServices`. */
  scope: KioskContainer;
  /** The request id (from `x-request-id`, or generated). */
  requestId: string;
  /** The body, parsed by the route's schema (see `withValidation`). */
  validatedBody: Body;
  /** The query, parsed by the route's schema (see `withValidation`). */
  validatedQuery: Query;
  /** The body's bytes as sent, for webhooks under `/hooks/` (signature checks). */
  rawBody?: Buffer;
  /** Set by auth middlewares. */
  auth?: { actorType: string; actorId: string };
}

/** The response a route handler receives. */
export type KioskResponse = Response;

/** A route file's exported `GET`, `POST`, … handler. */
export type RouteHandler = (req: KioskRequest, res: KioskResponse, next: NextFunction) => unknown;

/** A middleware, as in express. */
export type KioskMiddleware = (req: KioskRequest, res: KioskResponse, next: NextFunction) => unknown;

/** The HTTP methods a route file may export. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One entry of `api/middlewares.ts`. */
export interface MiddlewareRoute {
  /** An express path (`/store/reviews/:id`) matched as a prefix, or a RegExp. */
  matcher: string | RegExp;
  /** Only for these methods; all when omitted. */
  method?: HttpMethod | HttpMethod[];
  middlewares: KioskMiddleware[];
}

/** What `api/middlewares.ts` exports by default. */
export interface MiddlewaresConfig {
  routes: MiddlewareRoute[];
}

/** Typed identity helper for `api/middlewares.ts`. */
export function defineMiddlewares(config: MiddlewaresConfig): MiddlewaresConfig {
  return config;
}
