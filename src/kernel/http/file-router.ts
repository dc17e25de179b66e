import { Router, type NextFunction, type Request, type Response } from "express";
import type { RouteDefinition } from "../loaders/load-routes";
import { HTTP_METHODS, type MiddlewaresConfig, type MiddlewareRoute } from "./types";

type Handler = (req: Request, res: Response, next: NextFunction) => unknown;

function onlyFor(entry: MiddlewareRoute, middleware: Handler): Handler {
  if (!entry.method) return middleware;
  const methods = new Set(Array.isArray(entry.method) ? entry.method : [entry.method]);
  return (req, res, next) => (methods.has(req.method as never) ? middleware(req, res, next) : next());
}

/**
 * Builds the express router for one generation of the application: the
 * middlewares of every `api/middlewares.ts`, then every route file in
 * specificity order. `kiosk develop` builds a new one per reload.
 */
export function buildFileRouter(
  routes: RouteDefinition[],
  middlewares: { config: MiddlewaresConfig }[],
): Router {
  const router = Router();
  for (const { config } of middlewares) {
    for (const entry of config.routes) {
      router.use(entry.matcher, ...entry.middlewares.map((m) => onlyFor(entry, m as Handler)));
    }
  }
  for (const route of routes) {
    for (const method of HTTP_METHODS) {
      const handler = route.handlers[method];
      if (handler) router[method.toLowerCase() as "get"](route.path, handler as Handler);
    }
  }
  return router;
}
