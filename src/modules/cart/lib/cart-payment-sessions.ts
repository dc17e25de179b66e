import { NotFoundError, type KioskServices, type PaymentSession, type StartedSession } from "kiosk";
import { changeCart, paymentContext, retrieveOpen } from "./cart-change";
import type { CartView } from "./cart-view";

/**
 * Starts a session with `select` (404 unless installed), or with every
 * installed provider, where the cart has none yet (provider calls, no
 * transaction open), then stores them in the cart's change, selecting
 * `select`; sessions a concurrent request stored first are handed back to
 * their providers after commit.
 */
export async function startSessions(cradle: KioskServices, id: string, select?: string): Promise<CartView> {
  const view = await retrieveOpen(cradle, id);
  const sessions = cradle.paymentSessionService;
  const missing = sessions.providers(select ? [select] : undefined).filter((p) => !view.payment_sessions!.some((s: PaymentSession) => s.provider_id === p));
  const started = await sessions.start(paymentContext(view), missing);
  let dropped: StartedSession[] = [];
  const answer = await changeCart(cradle, id, async () => {
    dropped = await sessions.save(id, started, { select });
    return view.region;
  });
  await sessions.discard(dropped);
  return answer;
}

/**
 * The storefront's input for a session goes to its provider (before the
 * transaction); the session keeps what the provider answers, never the input itself.
 */
export async function updateSession(cradle: KioskServices, id: string, providerId: string, input: Record<string, unknown>): Promise<CartView> {
  const view = await retrieveOpen(cradle, id, { items: false });
  const session = view.payment_sessions!.find((s: PaymentSession) => s.provider_id === providerId) as PaymentSession | undefined;
  if (!session) throw new NotFoundError(`The cart has no payment session with ${providerId}`, "payment_session_not_found");
  const data = await cradle.paymentSessionService.providerData(session, view.currency_code, input);
  return changeCart(cradle, id, async () => {
    await cradle.paymentSessionService.storeData(session, data);
    return view.region;
  });
}

/** Removes a provider's session; the provider hears of it after commit. */
export async function deleteSession(cradle: KioskServices, id: string, providerId: string): Promise<CartView> {
  let removed: PaymentSession | null = null;
  const answer = await changeCart(cradle, id, async () => {
    removed = await cradle.paymentSessionService.remove(id, providerId);
    if (!removed) throw new NotFoundError(`The cart has no payment session with ${providerId}`, "payment_session_not_found");
  });
  await cradle.paymentSessionService.discard([removed!]);
  return answer;
}
