import type { Response } from "express";
import type { AuthActor } from "./token";

/** The session cookies `POST /admin/auth` and `POST /store/auth` set; each holds a signed token. */
export const SESSION_COOKIE = { user: "kiosk_admin_session", customer: "kiosk_store_session" } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sets the actor type's session cookie: http-only, same-site lax, secure in production. */
export function setSessionCookie(res: Response, actorType: AuthActor["actorType"], token: string): void {
  res.cookie(SESSION_COOKIE[actorType], token, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production",
    maxAge: DAY_MS,
    path: "/",
  });
}

/** Ends a cookie session. */
export function clearSessionCookie(res: Response, actorType: AuthActor["actorType"]): void {
  res.clearCookie(SESSION_COOKIE[actorType], { path: "/" });
}

/** One cookie's value from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
