import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { ResolvedConfig } from "../config/resolved-config";
import { KioskError, TooManyRequestsError } from "../errors";
import type { RedisConnections } from "../events/redis-connections";
import type { KioskRequest } from "../http/types";
import { attemptCounter, type AttemptCounter } from "./attempt-counter";
import { clientAddress } from "./client-address";
import { RedisFallback } from "./redis-fallback";
import type { AuthActor } from "./token";

/** The account an attempt is for: the actor type and the email as typed. */
export interface SignInAccount {
  actorType: AuthActor["actorType"];
  email: string;
}

/** The email's counter key: hashed, so Redis holds no addresses of people. */
function emailKey({ actorType, email }: SignInAccount): string {
  return `${actorType}:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32)}`;
}

/** A refused sign-in counts: a client error (wrong password, a taken email). A server failure does not. */
function countsAsFailure(err: unknown): boolean {
  return err instanceof KioskError && err.status < 500;
}

/**
 * Limits failed sign-ins and sign-ups (`auth.rateLimit`): per client address,
 * across emails, and per email. An attempt is counted before it runs, so
 * concurrent guesses cannot slip past the limit, and given back when it
 * succeeds (or fails on the server's side): only refusals use up the limits,
 * and a success does not reset them. Past a limit every attempt, the right
 * password too, is a 429 with `Retry-After` until the window ends. Counters
 * live in Redis when the kernel has it, else in memory. Registered as
 * `signInLimiter`.
 */
export class SignInLimiter {
  private counters?: { address: AttemptCounter; email: AttemptCounter };

  constructor(
    private readonly limits: ResolvedConfig["auth"]["rateLimit"],
    private readonly redis: RedisConnections | undefined,
    private readonly logger: Logger,
  ) {}

  private createCounters(): { address: AttemptCounter; email: AttemptCounter } {
    const redis = this.redis && new RedisFallback(this.redis, this.logger);
    return {
      address: attemptCounter(this.limits.address, "address", redis),
      email: attemptCounter(this.limits.email, "email", redis),
    };
  }

  /**
   * Runs `work` under the limits. With `countSuccess`, a success uses up the
   * limits too (what is limited is asking, such as a password reset email).
   */
  async attempt<T>(req: KioskRequest, account: SignInAccount, work: () => Promise<T>, options: AttemptOptions = {}): Promise<T> {
    const { address, email } = (this.counters ??= this.createCounters());
    const keys = { address: clientAddress(req), email: emailKey(account) };
    // The address first: a client past its limit adds no counters for the emails it sprays.
    const wait = (await address.hit(keys.address)) || (await email.hit(keys.email));
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new TooManyRequestsError(`Too many attempts: try again in ${seconds} s`, seconds);
    }
    const refund = () =>
      Promise.all([address.refund(keys.address), email.refund(keys.email)]).catch((err) =>
        this.logger.debug({ err }, "could not give a sign-in attempt back"),
      );
    try {
      const result = await work();
      if (!options.countSuccess) await refund();
      return result;
    } catch (err) {
      if (!countsAsFailure(err)) await refund();
      throw err;
    }
  }
}

/** Options of `limitSignIn`. */
export interface AttemptOptions {
  /** Count the attempt even when it succeeds (default: only refusals count). */
  countSuccess?: boolean;
}

/** Runs a sign-in or sign-up (`work`) under the kernel's limits for this account and the request's address. */
export function limitSignIn<T>(req: KioskRequest, account: SignInAccount, work: () => Promise<T>, options?: AttemptOptions): Promise<T> {
  return req.scope.resolve<SignInLimiter>("signInLimiter").attempt(req, account, work, options);
}
