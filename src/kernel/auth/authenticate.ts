import type { NextFunction, Response } from "express";
import type { ResolvedConfig } from "../config/resolved-config";
import { UnauthorizedError } from "../errors";
import type { KioskRequest } from "../http/types";
import { readCookie, SESSION_COOKIE } from "./session-cookie";
import { verifyToken, type AuthActor } from "./token";

/** The bearer token of a request, or the actor type's session cookie. */
function presentedToken(req: KioskRequest, actorType: AuthActor["actorType"]): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return readCookie(req.headers.cookie, SESSION_COOKIE[actorType]);
}

/**
 * A middleware that sets `req.auth` from a bearer token (or session cookie) of
 * the given actor type. Without `optional`, a missing, invalid or other-actor
 * token is a 401; with it, the request goes on anonymously.
 */
export function authenticate(actorType: AuthActor["actorType"], options: { optional?: boolean } = {}) {
  return (req: KioskRequest, _res: Response, next: NextFunction) => {
    const token = presentedToken(req, actorType);
    if (!token && options.optional) return next();
    const actor = token ? verifyToken(token, req.scope.resolve<ResolvedConfig>("config").http.jwtSecret) : undefined;
    if (actor?.actorType === actorType) {
      req.auth = actor;
      return next();
    }
    if (options.optional) return next();
    throw new UnauthorizedError(token ? "The token is invalid, expired, or not for this API" : "Authentication required");
  };
}

/** The authenticated actor's id; a 401 when the request is anonymous. */
export function requireActorId(req: KioskRequest, actorType: AuthActor["actorType"]): string {
  if (req.auth?.actorType !== actorType) throw new UnauthorizedError("Authentication required");
  return req.auth.actorId;
}
