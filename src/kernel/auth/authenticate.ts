import type { NextFunction, Response } from "express";
import type { ResolvedConfig } from "../config/resolved-config";
import { UnauthorizedError } from "../errors";
import type { HttpMethod, KioskRequest } from "../http/types";
import { readCookie, SESSION_COOKIE } from "./session-cookie";
import { verifyToken, type AuthActor } from "./token";
import {
  ACCOUNT_SERVICES,
  type TokenVersion,
  type TokenVersionCache,
  type TokenVersionSource,
} from "./token-version-cache";

/** The bearer token of a request, or the actor type's session cookie. */
function presentedToken(req: KioskRequest, actorType: AuthActor["actorType"]): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return readCookie(req.headers.cookie, SESSION_COOKIE[actorType]);
}

/** The account's current token version, from the process's cache or its owning service. */
function currentVersion(req: KioskRequest, actor: AuthActor): TokenVersion | Promise<TokenVersion> {
  const cache = req.scope.resolve<TokenVersionCache>("tokenVersionCache");
  return cache.current(actor.actorType, actor.actorId, () =>
    req.scope.resolve<TokenVersionSource>(ACCOUNT_SERVICES[actor.actorType]).tokenVersion(actor.actorId),
  );
}

/**
 * A middleware that sets `req.auth` from a bearer token (or session cookie) of
 * the given actor type. The token must be signed, unexpired, and still current:
 * its account exists and has the version the token was signed with (a password
 * change or signing out everywhere raises it). Without `optional`, anything else
 * is a 401; with it, the request goes on anonymously. `except` lists the
 * requests that need no token (a method and a path below the middleware's
 * matcher, such as `POST /auth` under `/admin`). The OpenAPI document reads
 * these options to mark the routes that need a token.
 */
export function authenticate(actorType: AuthActor["actorType"], options: AuthenticateOptions = {}) {
  const except = options.except ?? [];
  const middleware = (req: KioskRequest, _res: Response, next: NextFunction) => {
    if (except.length && except.some((e) => e.method === req.method && e.path === req.path)) return next();
    const token = presentedToken(req, actorType);
    if (!token && options.optional) return next();
    const actor = token ? verifyToken(token, req.scope.resolve<ResolvedConfig>("config").http.jwtSecret) : undefined;
    if (actor?.actorType !== actorType) {
      if (options.optional) return next();
      throw new UnauthorizedError(token ? "The token is invalid, expired, or not for this API" : "Authentication required");
    }
    const settle = (version: TokenVersion) => {
      if (version !== undefined && version === actor.version) {
        req.auth = actor;
        return next();
      }
      if (options.optional) return next();
      throw new UnauthorizedError("The token was revoked, or its account no longer exists: sign in again", "token_revoked");
    };
    const version = currentVersion(req, actor);
    // A fresh cache entry is a plain value: the request goes on without waiting a tick.
    return version instanceof Promise ? version.then(settle) : settle(version);
  };
  return Object.defineProperty(middleware, AUTHENTICATES, { value: { actorType, ...options, except }, enumerable: false });
}

/** Options of `authenticate`. */
export interface AuthenticateOptions {
  optional?: boolean;
  except?: { method: HttpMethod; path: string }[];
}

const AUTHENTICATES = Symbol.for("kiosk.authenticates");

/** What an `authenticate(…)` middleware checks, or undefined for any other function. */
export function authenticatesWith(
  middleware: unknown,
): (AuthenticateOptions & { actorType: AuthActor["actorType"]; except: { method: HttpMethod; path: string }[] }) | undefined {
  return (middleware as { [AUTHENTICATES]?: never } | undefined)?.[AUTHENTICATES];
}

/** The authenticated actor's id; a 401 when the request is anonymous. */
export function requireActorId(req: KioskRequest, actorType: AuthActor["actorType"]): string {
  if (req.auth?.actorType !== actorType) throw new UnauthorizedError("Authentication required");
  return req.auth.actorId;
}
