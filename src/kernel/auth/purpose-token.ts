import { createHmac, randomBytes } from "node:crypto";
import type * as Jwt from "jsonwebtoken";

const jwt = () => require("jsonwebtoken") as typeof Jwt;

/**
 * The signing key of a token made for one purpose: the app's secret keyed with
 * the purpose, so such a token never verifies as a session token (signed with
 * the secret itself) or as a token of another purpose.
 */
function purposeKey(purpose: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`purpose:${purpose}`).digest();
}

/**
 * Signs a short-lived token for one purpose (an HS256 JWT carrying `claims`,
 * `sub` the account it was made for) that expires after `ttlSeconds`: what a
 * link sent by email carries (an order claim, say).
 */
export function signPurposeToken(purpose: string, subject: string, claims: Record<string, unknown>, secret: string, ttlSeconds: number): string {
  return jwt().sign({ ...claims, purpose }, purposeKey(purpose, secret), {
    algorithm: "HS256",
    subject,
    expiresIn: ttlSeconds,
    jwtid: randomBytes(12).toString("base64url"), // two tokens asked for in one second differ
  });
}

/** The token's `sub` and claims when it was signed for this purpose and has not expired; undefined otherwise. */
export function verifyPurposeToken(purpose: string, token: string, secret: string): ({ sub: string } & Record<string, unknown>) | undefined {
  try {
    const payload = jwt().verify(token, purposeKey(purpose, secret), { algorithms: ["HS256"] });
    if (typeof payload !== "object" || payload.purpose !== purpose || typeof payload.sub !== "string") return undefined;
    return payload as { sub: string } & Record<string, unknown>;
  } catch {
    return undefined;
  }
}
