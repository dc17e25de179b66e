import { match } from "path-to-regexp";
import { authenticatesWith } from "../../auth/authenticate";
import { SESSION_COOKIE } from "../../auth/session-cookie";
import type { AuthActor } from "../../auth/token";
import type { HttpMethod, MiddlewareRoute, MiddlewaresConfig } from "../types";

type Actor = AuthActor["actorType"];

/** The security schemes of the document: a bearer token, or each actor type's session cookie. */
export function securitySchemes(): Record<string, unknown> {
  const cookie = (actor: Actor) => ({ type: "apiKey", in: "cookie", name: SESSION_COOKIE[actor] });
  return {
    bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
    userSession: cookie("user"),
    customerSession: cookie("customer"),
  };
}

/** The security requirement of an actor type: its token as a bearer header, or its session cookie. */
export function securityFor(actor: Actor): Record<string, string[]>[] {
  return [{ bearer: [] }, { [`${actor}Session`]: [] }];
}

/** `/store/reviews/:id` -> `/store/reviews/{id}`: a path express matchers still match, parameters and all. */
function samplePath(routePath: string): string {
  return routePath.replace(/[:*](\w+)/g, "{$1}");
}

function covers(entry: MiddlewareRoute, path: string): string | undefined {
  if (entry.matcher instanceof RegExp) return entry.matcher.test(path) ? "" : undefined;
  const found = match(entry.matcher, { end: false, sensitive: false })(path);
  return found ? found.path : undefined;
}

/**
 * The actor a route's method needs, from the `authenticate(actor)` middlewares
 * of every `api/middlewares` whose matcher covers its path (not optional ones,
 * nor the requests they list in `except`); undefined when it needs none.
 */
export function requiredActor(
  middlewares: { config: MiddlewaresConfig }[],
  routePath: string,
  method: HttpMethod,
): Actor | undefined {
  const path = samplePath(routePath);
  let actor: Actor | undefined;
  for (const { config } of middlewares) {
    for (const entry of config.routes) {
      if (entry.method && ![entry.method].flat().includes(method)) continue;
      const prefix = covers(entry, path);
      if (prefix === undefined) continue;
      const rest = path.slice(prefix.length) || "/";
      for (const middleware of entry.middlewares) {
        const auth = authenticatesWith(middleware);
        if (!auth || auth.optional) continue;
        if (auth.except.some((e) => e.method === method && e.path.toLowerCase() === rest.toLowerCase())) continue;
        actor = auth.actorType;
      }
    }
  }
  return actor;
}
