import { ConflictError, KioskError, UnavailableError, type TransactionContext, type UnitOfWork } from "kiosk";
import type { Order } from "../models/order";
import type { OrderActionKind } from "../models/order-action";
import { beginAction, claimOrder, lockOrder, releaseClaim, reportAbandoned } from "./order-claim";

/** One admin action that calls a provider, in the three steps `runProviderAction` runs. */
export interface ProviderAction<I, R, T> {
  kind: OrderActionKind;
  provider: "payment" | "fulfillment";
  /**
   * In the claim transaction, on the locked order with no other action in
   * progress: refuses what the rules do not allow (a 4xx; nothing is claimed)
   * and returns the provider calls to make and what the claim records.
   */
  plan(tx: TransactionContext, order: Order): Promise<{ calls: I[]; data: Record<string, unknown> }>;
  /** One provider call, with no transaction open. */
  call(item: I): Promise<R>;
  /**
   * In the record transaction, on the order locked again: writes what the
   * provider did. `done` are the calls it accepted, in order: all of them
   * (`complete`) unless one failed, which is answered after the commit.
   */
  record(tx: TransactionContext, order: Order, done: { item: I; result: R }[], complete: boolean): Promise<T>;
}

/**
 * Runs an admin action without holding a transaction open across a provider
 * call:
 *
 * 1. a short transaction locks the order, checks that no other action is in
 *    progress (409 `order_action_in_progress`) and that the transition is
 *    allowed, and claims the order (an `order_action` row);
 * 2. the provider is called, with no transaction open;
 * 3. a short transaction records the result and deletes the claim.
 *
 * When the first provider call fails, nothing is recorded and the claim is
 * deleted. A provider's own 4xx (a Kiosk error: a declined card) is answered as
 * it is. Anything else (it threw, or did not answer in time: a 503) leaves the
 * outcome unknown, so the release also raises `order.action_abandoned` naming
 * what was asked. A crash (or a failing database) between 1 and 3 leaves the
 * claim; after the lease the next action on the order releases it (see
 * `beginAction`), and a request that outlived its claim records nothing (409
 * `order_action_expired`).
 */
export async function runProviderAction<I, R, T>(unitOfWork: UnitOfWork, orderId: string, action: ProviderAction<I, R, T>): Promise<T> {
  if (unitOfWork.active) throw new Error(`Order action ${action.kind} must not run inside a transaction: it calls a provider`);
  const { calls, claim } = await unitOfWork.run(async (tx) => {
    const order = await beginAction(tx, orderId);
    const { calls, data } = await action.plan(tx, order);
    return { calls, claim: await claimOrder(tx, orderId, action.kind, data) };
  });

  const done: { item: I; result: R }[] = [];
  let failed = false;
  let failure: unknown;
  for (const item of calls) {
    try {
      done.push({ item, result: await action.call(item) });
    } catch (err) {
      failed = true;
      failure = err;
      break;
    }
  }
  const error = failed ? providerFailure(action.provider, failure) : undefined;
  const uncertain = !!error && error.status >= 500;
  if (error && !done.length) {
    await unitOfWork.run(async (tx) => {
      if ((await releaseClaim(tx, claim.id)) && uncertain) reportAbandoned(tx, claim, error.code);
    });
    throw error;
  }

  const result = await unitOfWork.run(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!(await releaseClaim(tx, claim.id))) {
      throw new ConflictError(
        `The ${action.kind} of order ${orderId} took longer than its claim lasts and was reported as abandoned`,
        "order_action_expired",
      );
    }
    if (uncertain) reportAbandoned(tx, claim, error.code);
    return action.record(tx, order, done, !error);
  });
  if (error) throw error;
  return result;
}

/**
 * A provider's Kiosk error as it is (its own 4xx, or the payment module's 503
 * for a provider that threw or timed out); anything else it throws is a 503
 * `<provider>_provider_unavailable`.
 */
function providerFailure(provider: "payment" | "fulfillment", err: unknown): KioskError {
  if (err instanceof KioskError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new UnavailableError(`The ${provider} provider failed: ${reason}`.slice(0, 500), `${provider}_provider_unavailable`);
}
