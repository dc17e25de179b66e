import path from "node:path";
import { compareText } from "../compare";
import { HTTP_METHODS, type HttpMethod, type MiddlewaresConfig, type RouteHandler } from "../http/types";
import { findFile, listRouteFiles } from "./discover-files";
import { defaultExport, importResource, shapeError } from "./import-resource";
import type { ResourceRoot } from "./resource-root";

/** A route file: its URL path and its handlers by method. */
export interface RouteDefinition {
  file: string;
  /** The name of the root it comes from (`kiosk:product`, `plugin:<name>`, `project`). */
  root: string;
  path: string;
  handlers: Partial<Record<HttpMethod, RouteHandler>>;
}

/** `api/store/reviews/[id]/route.ts` -> `/store/reviews/:id`; `[...rest]` -> `*rest`. */
export function routePath(apiDir: string, file: string): string {
  const segments = path.relative(apiDir, path.dirname(file)).split(path.sep).filter(Boolean);
  return (
    "/" +
    segments
      .map((s) => s.replace(/^\[\.\.\.(\w+)\]$/, "*$1").replace(/^\[(\w+)\]$/, ":$1"))
      .join("/")
  );
}

/** Static segments before parameters before catch-alls, so `/products/search` wins over `/products/:id`. */
function specificity(routePathValue: string): number[] {
  return routePathValue.split("/").map((s) => (s.startsWith("*") ? 2 : s.startsWith(":") ? 1 : 0));
}

function compareRoutes(a: RouteDefinition, b: RouteDefinition): number {
  const sa = specificity(a.path);
  const sb = specificity(b.path);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) if (sa[i] !== sb[i]) return sa[i] - sb[i];
  return sb.length - sa.length || compareText(a.path, b.path);
}

/** Route files of every root; a later root's file for the same path replaces the earlier one. */
export function loadRoutes(roots: ResourceRoot[], exts: string[]): RouteDefinition[] {
  const byPath = new Map<string, RouteDefinition>();
  for (const root of roots) {
    const apiDir = path.join(root.dir, "api");
    for (const file of listRouteFiles(apiDir, exts)) {
      const mod = importResource(file);
      const handlers: RouteDefinition["handlers"] = {};
      for (const method of HTTP_METHODS) {
        if (mod[method] === undefined) continue;
        if (typeof mod[method] !== "function") throw shapeError(file, `export ${method} to be a function`);
        handlers[method] = mod[method];
      }
      if (!Object.keys(handlers).length) throw shapeError(file, `at least one of ${HTTP_METHODS.join(", ")} exported`);
      const route = { file, root: root.name, path: routePath(apiDir, file), handlers };
      byPath.set(route.path, route);
    }
  }
  return [...byPath.values()].sort(compareRoutes);
}

/** Each root's `api/middlewares.(ts|js)`: `export default defineMiddlewares({ routes })` (or `export const config`). */
export function loadMiddlewares(roots: ResourceRoot[], exts: string[]): { file: string; config: MiddlewaresConfig }[] {
  const found: { file: string; config: MiddlewaresConfig }[] = [];
  for (const root of roots) {
    const file = findFile(path.join(root.dir, "api"), "middlewares", exts);
    if (!file) continue;
    const mod = importResource(file);
    const config = (mod.config ?? defaultExport(mod)) as MiddlewaresConfig | undefined;
    const valid =
      Array.isArray(config?.routes) &&
      config.routes.every(
        (r) =>
          (typeof r.matcher === "string" || r.matcher instanceof RegExp) &&
          Array.isArray(r.middlewares) &&
          r.middlewares.every((m) => typeof m === "function"),
      );
    if (!valid) throw shapeError(file, "a default export { routes: [{ matcher, middlewares: [functions] }] }");
    found.push({ file, config: config! });
  }
  return found;
}
