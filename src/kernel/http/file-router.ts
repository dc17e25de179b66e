import { Router, type NextFunction, type Request, type Response } from "express";
import type { RouteDefinition } from "../loaders/load-routes";
import { handlerFor, RouteTable, type RouteMatch } from "./route-table";
import type { KioskRequest, MiddlewaresConfig, MiddlewareRoute } from "./types";

type Handler = (req: Request, res: Response, next: NextFunction) => unknown;

function onlyFor(entry: MiddlewareRoute, middleware: Handler): Handler {
  if (!entry.method) return middleware;
  const methods = new Set(Array.isArray(entry.method) ? entry.method : [entry.method]);
  return (req, res, next) => (methods.has(req.method as never) ? middleware(req, res, next) : next());
}

/** Dispatches to the route file for the path: sync throws and rejected promises both reach the error handler. */
function dispatch(table: RouteTable): Handler {
  return (req, res, next) => {
    let found: RouteMatch | undefined;
    try {
      found = table.find(req.path);
    } catch (err) {
      // A malformed escape in a parameter (`/store/products/%E0%A4%A`): a URIError, answered with a 400.
      return next(err);
    }
    const handler = found && handlerFor(found.handlers, req.method);
    if (!found || !handler) return next();
    (req as KioskRequest).params = found.params;
    try {
      const result = handler(req as KioskRequest, res, next) as Promise<unknown> | undefined;
      if (result && typeof result.then === "function") result.then(undefined, next);
    } catch (err) {
      next(err);
    }
  };
}

/**
 * Builds the router for one generation of the application: the middlewares of
 * every `api/middlewares.ts` (express semantics: a matcher is a path prefix),
 * then one dispatch through the route table. `kiosk develop` builds a new one
 * per reload.
 */
export function buildFileRouter(routes: RouteDefinition[], middlewares: { config: MiddlewaresConfig }[]): Router {
  const router = Router();
  for (const { config } of middlewares) {
    for (const entry of config.routes) {
      router.use(entry.matcher, ...entry.middlewares.map((m) => onlyFor(entry, m as Handler)));
    }
  }
  router.use(dispatch(new RouteTable(routes)));
  return router;
}
