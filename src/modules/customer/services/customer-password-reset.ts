import { checkResetToken, resetTokenFor, writeNewPassword, type KioskServices, type ResetTokenAccount } from "kiosk";
import { Customer } from "../models/customer";

/**
 * Customer password reset, as Medusa v1: a token for an email (raised with
 * `customer.password_reset` for a notification provider to send), then a new
 * password for the email and token. The token is a JWT keyed with the app's
 * secret and the customer's password hash and token version: it expires after
 * `auth.passwordResetTtl` seconds and is spent by the reset (which changes both).
 */
export default class CustomerPasswordResetService {
  constructor(private readonly cradle: KioskServices) {}

  private async account(email: string): Promise<(ResetTokenAccount & { customer: Customer }) | undefined> {
    const found = await this.cradle.unitOfWork.read((manager) =>
      manager
        .createQueryBuilder(Customer, "customer")
        .addSelect(["customer.password_hash", "customer.token_version"])
        .where("customer.email = :email", { email: email.toLowerCase() })
        .getOne(),
    );
    if (!found?.has_account) return undefined;
    return {
      actorType: "customer",
      id: found.id,
      passwordHash: found.password_hash,
      tokenVersion: Number(found.token_version),
      customer: found,
    };
  }

  /**
   * Raises `customer.password_reset` with a fresh token when a customer with an
   * account has this email; does the same work and raises nothing otherwise, so
   * the caller cannot tell the two apart.
   */
  async requestToken(email: string): Promise<void> {
    const { jwtSecret } = this.cradle.config.http;
    const ttl = this.cradle.config.auth.passwordResetTtl;
    const account = await this.account(email);
    const token = resetTokenFor("customer", account, jwtSecret, ttl);
    // The unit of work runs either way, so an unknown email answers as fast as a known one.
    await this.cradle.unitOfWork.run(async (tx) => {
      if (!account) return;
      const { customer } = account;
      tx.emit("customer.password_reset", {
        id: customer.id,
        email: customer.email,
        first_name: customer.first_name,
        last_name: customer.last_name,
        token,
      });
    });
  }

  /**
   * Sets a new password with a valid token (401 `invalid_reset_token` for a wrong,
   * expired or spent one, or an unknown email) and raises the customer's token
   * version, so every token and session issued before is refused. Two resets
   * racing with one token: the second finds the hash changed and is refused.
   */
  async reset(email: string, token: string, password: string): Promise<Customer> {
    const { jwtSecret } = this.cradle.config.http;
    const { account, passwordHash } = await checkResetToken("customer", token, await this.account(email), jwtSecret, password);
    await this.cradle.unitOfWork.run(async (tx) => {
      await writeNewPassword(tx.manager, Customer, account, passwordHash);
      tx.emit("customer.updated", { id: account.id });
    });
    this.cradle.tokenVersionCache.forget("customer", account.id);
    return this.cradle.customerService.retrieve(account.id, { addresses: true });
  }
}
