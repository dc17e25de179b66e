import { match, type MatchFunction } from "path-to-regexp";
import type { RouteDefinition } from "../loaders/load-routes";
import { HTTP_METHODS, type HttpMethod, type RouteHandler } from "./types";

type Params = Record<string, string>;

interface DynamicRoute {
  match: MatchFunction<Partial<Record<string, string | string[]>>>;
  handlers: RouteDefinition["handlers"];
}

/** What a lookup finds: the handlers of one route file, and its path parameters. */
export interface RouteMatch {
  handlers: RouteDefinition["handlers"];
  params: Params;
}

/** `/Store/Products/` -> `/store/products`: express matches case-insensitively and ignores one trailing slash. */
function normalize(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith("/") ? lower.slice(0, -1) : lower;
}

function firstSegment(path: string): string {
  const end = path.indexOf("/", 1);
  return end === -1 ? path : path.slice(0, end);
}

/**
 * The route files of one generation, indexed for dispatch: a map for static
 * paths (one lookup, however many routes there are) and, for paths with
 * parameters, a list per first segment tried in specificity order. Express's
 * router would test every route in turn, which costs more than the handler of a
 * small route once a project has a hundred of them.
 */
export class RouteTable {
  private readonly exact = new Map<string, RouteDefinition["handlers"]>();
  private readonly dynamic = new Map<string, DynamicRoute[]>();
  /** Routes whose first segment is itself a parameter (`/[tenant]/…`): tried after the others. */
  private readonly anywhere: DynamicRoute[] = [];

  constructor(routes: RouteDefinition[]) {
    for (const route of routes) {
      if (!/[:*]/.test(route.path)) {
        this.exact.set(normalize(route.path), route.handlers);
        continue;
      }
      const entry = { match: match(route.path, { sensitive: false, end: true, trailing: true }), handlers: route.handlers };
      const key = firstSegment(normalize(route.path));
      if (/[:*]/.test(key)) {
        this.anywhere.push(entry);
        continue;
      }
      this.dynamic.set(key, [...(this.dynamic.get(key) ?? []), entry]);
    }
  }

  /** The route for a path, or undefined. Catch-all parameters are joined with `/`. */
  find(path: string): RouteMatch | undefined {
    const key = normalize(path);
    const handlers = this.exact.get(key);
    if (handlers) return { handlers, params: {} };
    for (const route of [...(this.dynamic.get(firstSegment(key)) ?? []), ...this.anywhere]) {
      const found = route.match(path);
      if (!found) continue;
      const params: Params = {};
      for (const [name, value] of Object.entries(found.params)) {
        if (value !== undefined) params[name] = Array.isArray(value) ? value.join("/") : value;
      }
      return { handlers: route.handlers, params };
    }
    return undefined;
  }
}

/** The handler for a request method; HEAD falls back to GET, as in express. */
export function handlerFor(handlers: RouteDefinition["handlers"], method: string): RouteHandler | undefined {
  const upper = method.toUpperCase() as HttpMethod;
  if (HTTP_METHODS.includes(upper) && handlers[upper]) return handlers[upper];
  return upper === ("HEAD" as string) ? handlers.GET : undefined;
}
