import { createHmac, randomBytes } from "node:crypto";
import type * as Jwt from "jsonwebtoken";
import type { AuthActor } from "./token";

const jwt = () => require("jsonwebtoken") as typeof Jwt;

/** Default lifetime of a password reset token, in seconds (`auth.passwordResetTtl`): 15 minutes, as Medusa v1. */
export const PASSWORD_RESET_TTL = 900;

/** What a reset token is bound to: the account, its current password hash and token version. */
export interface ResetTokenAccount {
  actorType: AuthActor["actorType"];
  id: string;
  /** The stored hash (null for an account without a password: such a token can never verify after one is set). */
  passwordHash: string | null;
  tokenVersion: number;
}

/**
 * The token's signing key: the app's secret keyed with the account's password
 * hash and token version. A reset changes both, so every token issued before it
 * stops verifying (single use without a table); the hash never leaves the server
 * and cannot be recovered from the key without the secret.
 */
function resetKey(account: ResetTokenAccount, secret: string): Buffer {
  return createHmac("sha256", secret)
    .update(`password_reset:${account.actorType}:${account.id}:${account.tokenVersion}:${account.passwordHash ?? ""}`)
    .digest();
}

/**
 * Signs a password reset token (HS256 JWT, `sub` the account id) that expires
 * after `ttlSeconds`. Its expiry is read from `Date.now()`.
 */
export function signPasswordResetToken(account: ResetTokenAccount, secret: string, ttlSeconds: number): string {
  return jwt().sign({ purpose: "password_reset", actor_type: account.actorType }, resetKey(account, secret), {
    algorithm: "HS256",
    subject: account.id,
    expiresIn: ttlSeconds,
    jwtid: randomBytes(12).toString("base64url"), // two tokens asked for in one second differ
  });
}

/** Whether the token was signed for this account as it is now, and has not expired. */
export function verifyPasswordResetToken(token: string, account: ResetTokenAccount, secret: string): boolean {
  try {
    const payload = jwt().verify(token, resetKey(account, secret), { algorithms: ["HS256"] });
    return (
      typeof payload === "object" &&
      payload.sub === account.id &&
      payload.purpose === "password_reset" &&
      payload.actor_type === account.actorType
    );
  } catch {
    return false;
  }
}

/** The account id a reset token names, unverified (to find the account when the body has no email). */
export function passwordResetTokenSubject(token: string): string | undefined {
  const payload = jwt().decode(token);
  return payload && typeof payload === "object" && typeof payload.sub === "string" ? payload.sub : undefined;
}
