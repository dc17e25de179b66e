import { NotFoundError, type KioskServices, type PaymentSession, type StartedSession } from "kiosk";
import { changeCart, paymentContext, retrieveOpen } from "./cart-change";
import type { CartView } from "./cart-view";

/**
 * Starts a session with `select` (404 unless it serves the cart's region), or
 * with every provider serving the region (`regionService.servingProviderIds`), where the cart has none yet (provider calls, no
 * transaction open), then stores them in the cart's change, selecting
 * `select`; sessions a concurrent request stored first are handed back to
 * their providers after commit.
 */
export async function startSessions(cradle: KioskServices, id: string, select?: string): Promise<CartView> {
  const view = await retrieveOpen(cradle, id);
  const sessions = cradle.paymentSessionService;
  const serving = cradle.regionService.servingProviderIds(view.region!, "payment");
  if (select && !serving.includes(select)) {
    sessions.providers([select]);
    throw new NotFoundError(`Payment provider ${select} does not serve the cart's region`, "payment_provider_not_found");
  }
  const missing = (select ? [select] : serving).filter((p) => !view.payment_sessions!.some((s: PaymentSession) => s.provider_id === p));
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
  const session = sessionOf(view, providerId);
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

/**
 * Medusa's refresh: the provider's session is replaced by a new one (the old one
 * is handed back to its provider after commit), selected if the old one was.
 */
export async function refreshSession(cradle: KioskServices, id: string, providerId: string): Promise<CartView> {
  const view = await retrieveOpen(cradle, id, { items: false });
  const session = sessionOf(view, providerId);
  await deleteSession(cradle, id, providerId);
  return startSessions(cradle, id, session.is_selected ? providerId : undefined);
}

/** The cart view's session with `providerId` (404 `payment_session_not_found` when it has none). */
function sessionOf(view: CartView, providerId: string): PaymentSession {
  const session = view.payment_sessions!.find((s: PaymentSession) => s.provider_id === providerId) as PaymentSession | undefined;
  if (!session) throw new NotFoundError(`The cart has no payment session with ${providerId}`, "payment_session_not_found");
  return session;
}
