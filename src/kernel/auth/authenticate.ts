import type { NextFunction, Response } from "express";
import type { ResolvedConfig } from "../config/resolved-config";
import { UnauthorizedError } from "../errors";
import type { KioskRequest } from "../http/types";
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
 * is a 401; with it, the request goes on anonymously.
 */
export function authenticate(actorType: AuthActor["actorType"], options: { optional?: boolean } = {}) {
  return (req: KioskRequest, _res: Response, next: NextFunction) => {
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
}

/** The authenticated actor's id; a 401 when the request is anonymous. */
export function requireActorId(req: KioskRequest, actorType: AuthActor["actorType"]): string {
  if (req.auth?.actorType !== actorType) throw new UnauthorizedError("Authentication required");
  return req.auth.actorId;
}
