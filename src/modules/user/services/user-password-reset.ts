import { checkResetToken, passwordResetTokenSubject, resetTokenFor, writeNewPassword, type KioskServices, type ResetTokenAccount } from "kiosk";
import { User } from "../models/user";

/**
 * Admin user password reset, as Medusa v1: a token for an email (raised with
 * `user.password_reset`), then a new password for the token (and email, when
 * given). The token is a JWT keyed with the app's secret and the user's password
 * hash and token version: it expires after `auth.passwordResetTtl` seconds and is
 * spent by the reset (which changes both).
 */
export default class UserPasswordResetService {
  constructor(private readonly cradle: KioskServices) {}

  private async account(where: { email: string } | { id: string }): Promise<(ResetTokenAccount & { email: string }) | undefined> {
    const found = await this.cradle.unitOfWork.read((manager) => {
      const qb = manager.createQueryBuilder(User, "user").addSelect(["user.password_hash", "user.token_version"]);
      return "email" in where
        ? qb.where("user.email = :email", { email: where.email.toLowerCase() }).getOne()
        : qb.where("user.id = :id", { id: where.id }).getOne();
    });
    if (!found) return undefined;
    return {
      actorType: "user",
      id: found.id,
      email: found.email,
      passwordHash: found.password_hash,
      tokenVersion: Number(found.token_version),
    };
  }

  /** Raises `user.password_reset` with a fresh token when a user has this email; nothing otherwise (same work). */
  async requestToken(email: string): Promise<void> {
    const { jwtSecret } = this.cradle.config.http;
    const account = await this.account({ email });
    const token = resetTokenFor("user", account, jwtSecret, this.cradle.config.auth.passwordResetTtl);
    // The unit of work runs either way, so an unknown email answers as fast as a known one.
    await this.cradle.unitOfWork.run(async (tx) => {
      if (account) tx.emit("user.password_reset", { email: account.email, token });
    });
  }

  /**
   * Sets a new password with a valid token (401 `invalid_reset_token` for a wrong,
   * expired or spent one, or one for another email) and raises the user's token
   * version, so every token and session issued before is refused.
   */
  async reset(input: { email?: string; token: string; password: string }): Promise<User> {
    const { jwtSecret } = this.cradle.config.http;
    const subject = passwordResetTokenSubject(input.token);
    const found = input.email ? await this.account({ email: input.email }) : subject ? await this.account({ id: subject }) : undefined;
    const { account, passwordHash } = await checkResetToken("user", input.token, found, jwtSecret, input.password);
    await this.cradle.unitOfWork.run(async (tx) => {
      await writeNewPassword(tx.manager, User, account, passwordHash);
      tx.emit("user.updated", { id: account.id });
    });
    this.cradle.tokenVersionCache.forget("user", account.id);
    return this.cradle.userService.retrieve(account.id);
  }
}
