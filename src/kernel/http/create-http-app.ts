import { randomUUID } from "node:crypto";
import cors from "cors";
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import type { Logger } from "pino";
import type { Application } from "../application";
import type { ResolvedConfig } from "../config/resolved-config";
import { bodyParser } from "./body-parsers";
import { parseOrigins } from "./cors-origins";
import { createErrorHandler, notFoundHandler } from "./error-handler";
import { pendingMigrationsHandler } from "./pending-migrations";
import { requestLog } from "./request-log";
import { inputEdge } from "./input-edge";
import { openApiHandler } from "./openapi/project-document";
import { dashboardApp } from "./dashboard-app";
import { applyTrustProxy } from "./trust-proxy";
import type { KioskRequest } from "./types";

/** CORS with credentials for the listed origins only: any other origin gets no allow header. */
function corsFor(origins: string, variable: string) {
  const allowed = parseOrigins(origins, variable);
  return cors({ origin: (origin, done) => done(null, origin !== undefined && allowed(origin)), credentials: true });
}

/** `req.scope`, created on first use: a route that resolves nothing pays nothing. */
function lazyScope(req: KioskRequest, generation: Application): void {
  let scope: KioskRequest["scope"] | undefined;
  Object.defineProperty(req, "scope", {
    configurable: true,
    enumerable: true,
    get: () => (scope ??= generation.container.createScope()),
    set: (value: KioskRequest["scope"]) => void (scope = value),
  });
}

/**
 * The express app. Everything reloadable sits behind one stable dispatch
 * middleware that reads the current generation per request, so swapping a
 * generation never drops or refuses a request.
 */
export function createHttpApp(
  config: ResolvedConfig,
  logger: Logger,
  current: () => Application,
  /** `GET /health/ready` (see `readinessHandler`); without it, only `/health`. */
  ready?: RequestHandler,
): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  // `?collection_id[]=a`, as Medusa clients send arrays.
  app.set("query parser", "extended");
  applyTrustProxy(app, config);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    (req as KioskRequest).requestId = id;
    res.setHeader("x-request-id", id);
    next();
  });
  app.use(requestLog(logger, config.http.logRequests ? "info" : "debug", config.env !== "development"));
  app.get("/health", (_req, res) => void res.json({ status: "ok" }));
  if (ready) app.get("/health/ready", ready);
  if (config.http.openapi) app.get("/openapi.json", openApiHandler(config, current));
  if (!config.admin.disable) app.use(config.admin.path, dashboardApp(config));
  app.use("/store", corsFor(config.http.storeCors, "STORE_CORS"));
  app.use("/admin", corsFor(config.http.adminCors, "ADMIN_CORS"));
  app.use(bodyParser(config.http.bodyLimit));
  // Before every middleware and route: no NUL, lone surrogate, 33rd level or oversized metadata gets past here.
  app.use(inputEdge());
  app.use((req: Request, res: Response, next: NextFunction) => {
    const generation = current();
    lazyScope(req as KioskRequest, generation);
    generation.router(req, res, next);
  });
  app.use(notFoundHandler);
  app.use(pendingMigrationsHandler(() => current().container.resolve("dataSource"), logger));
  app.use(createErrorHandler(logger, config.env === "development"));
  return app;
}
