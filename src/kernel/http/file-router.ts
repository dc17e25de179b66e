import { Router, type NextFunction, type Request, type Response } from "express";
import type { RouteDefinition } from "../loaders/load-routes";
import { HTTP_METHODS, type MiddlewaresConfig, type MiddlewareRoute } from "./types";

type Handler = (req: Request, res: Response, next: NextFunction) => unknown;

function onlyFor(entry: MiddlewareRoute, middleware: Handler): Handler {
  if (!entry.method) return middleware;
  const methods = new Set(Array.isArray(entry.method) ? entry.method : [entry.method]);
  return (req, res, next) => (methods.has(req.method as never) ? middleware(req, res, next) : next());
}

/** Express gives a catch-all (`*rest`) as an array of segments; routes see it joined with `/`. */
function joinCatchAlls(handler: Handler): Handler {
  return (req, res, next) => {
    for (const [key, value] of Object.entries(req.params)) {
      if (Array.isArray(value)) (req.params as Record<string, string>)[key] = value.join("/");
    }
    return handler(req, res, next);
  };
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
      if (!handler) continue;
      const wrapped = route.path.includes("*") ? joinCatchAlls(handler as Handler) : (handler as Handler);
      router[method.toLowerCase() as "get"](route.path, wrapped);
    }
  }
  return router;
}
