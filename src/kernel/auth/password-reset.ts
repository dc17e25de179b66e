import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { UnauthorizedError } from "../errors";
import { hashPassword } from "./password";
import { signPasswordResetToken, verifyPasswordResetToken, type ResetTokenAccount } from "./password-reset-token";
import type { AuthActor } from "./token";

/** The one answer to a wrong, expired or spent reset token, or an unknown email: a 401. */
export function invalidResetToken(): UnauthorizedError {
  return new UnauthorizedError("Invalid or expired password reset token", "invalid_reset_token");
}

/** Stands in for an unknown email's account, so its answer costs what a known one's does. */
function nobody(actorType: AuthActor["actorType"]): ResetTokenAccount {
  return { actorType, id: `${actorType}_nobody`, passwordHash: "", tokenVersion: 0 };
}

/**
 * A reset token for the account, or for a stand-in when there is none: the
 * caller raises its event only for a real account, and both paths cost the same,
 * so an answer never tells whether the email exists.
 */
export function resetTokenFor(
  actorType: AuthActor["actorType"],
  account: ResetTokenAccount | undefined,
  secret: string,
  ttlSeconds: number,
): string {
  return signPasswordResetToken(account ?? nobody(actorType), secret, ttlSeconds);
}

/**
 * The account and the new password's hash when the token is valid for it;
 * otherwise the password is hashed anyway (an unknown email costs what a known
 * one does) and the answer is a 401 `invalid_reset_token`.
 */
export async function checkResetToken<A extends ResetTokenAccount>(
  actorType: AuthActor["actorType"],
  token: string,
  account: A | undefined,
  secret: string,
  password: string,
): Promise<{ account: A; passwordHash: string }> {
  const valid = verifyPasswordResetToken(token, account ?? nobody(actorType), secret);
  const passwordHash = await hashPassword(password);
  if (!valid || !account) throw invalidResetToken();
  return { account, passwordHash };
}

/**
 * Stores the new password and raises the account's token version in one
 * conditional UPDATE, inside the caller's transaction: it applies only while the
 * hash and version are the ones the token was checked against, so of two resets
 * racing with one token the second is a 401, and every token and session issued
 * before is refused afterwards.
 */
export async function writeNewPassword(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  account: ResetTokenAccount,
  passwordHash: string,
): Promise<void> {
  const { affected } = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ password_hash: passwordHash, token_version: () => "token_version + 1" })
    .where("id = :id AND password_hash = :old AND token_version = :version", {
      id: account.id,
      old: account.passwordHash,
      version: account.tokenVersion,
    })
    .execute();
  if (!affected) throw invalidResetToken();
}
