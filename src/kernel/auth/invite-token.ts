import { createHmac, randomBytes } from "node:crypto";
import type * as Jwt from "jsonwebtoken";

const jwt = () => require("jsonwebtoken") as typeof Jwt;

/** What an invite token says: the invite, and the email and role it was made for. */
export interface InviteClaims {
  inviteId: string;
  email: string;
  role: string;
}

/** The outcome of reading an invite token: its claims, or why it is refused. */
export type InviteTokenCheck = { status: "valid"; claims: InviteClaims } | { status: "expired" } | { status: "invalid" };

/** A key of its own, derived from the app's secret: an invite token can never pass as a bearer or reset token, nor they as one. */
function inviteKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("invite").digest();
}

/** Signs an invite token (HS256 JWT, `sub` the invite id) that expires after `ttlSeconds`. */
export function signInviteToken(claims: InviteClaims, secret: string, ttlSeconds: number): string {
  return jwt().sign({ purpose: "invite", user_email: claims.email, role: claims.role }, inviteKey(secret), {
    algorithm: "HS256",
    subject: claims.inviteId,
    expiresIn: ttlSeconds,
    jwtid: randomBytes(12).toString("base64url"), // a resend within the same second still makes a new token
  });
}

/** Reads an invite token signed with this secret: its claims while it is unexpired, else `expired` or `invalid`. */
export function verifyInviteToken(token: string, secret: string): InviteTokenCheck {
  try {
    const payload = jwt().verify(token, inviteKey(secret), { algorithms: ["HS256"] });
    if (typeof payload !== "object" || payload.purpose !== "invite" || typeof payload.sub !== "string") return { status: "invalid" };
    const { user_email: email, role } = payload as { user_email?: unknown; role?: unknown };
    if (typeof email !== "string" || typeof role !== "string") return { status: "invalid" };
    return { status: "valid", claims: { inviteId: payload.sub, email, role } };
  } catch (err) {
    return err instanceof Error && err.name === "TokenExpiredError" ? { status: "expired" } : { status: "invalid" };
  }
}
