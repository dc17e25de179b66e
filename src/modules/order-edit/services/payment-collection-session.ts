import { In, IsNull, NotFoundError, UnprocessableError, type KioskServices, type StartedSession, type UnitOfWork } from "kiosk";
import { PaymentCollection } from "../models/payment-collection";
import { PaymentCollectionSession } from "../models/payment-collection-session";
import { authorizedState, loadCollection, lockCollection } from "../lib/collection-rows";
import { sessionView } from "../lib/payment-collection-view";
import type { PaymentCollectionView } from "../lib/payment-collection-view";

type SessionInput = { provider_id: string; amount: number; session_id?: string };

/**
 * The payment sessions of a payment collection, as the store manages them
 * (Medusa v1). Provider calls (`paymentSessionService.start`,
 * `paymentService.authorize`, bounded by `payments.timeout`) run with no
 * transaction open; what they answered is stored in a short transaction that
 * locks the collection and checks it again.
 */
export default class PaymentCollectionSessionService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /** One session with a provider for the whole amount (an existing one for that provider is kept). */
  async setSession(id: string, providerId: string): Promise<PaymentCollectionView> {
    const { collection, sessions } = await this.unitOfWork.read((m) => loadCollection(m, id));
    const existing = sessions.find((s) => s.provider_id === providerId && s.amount === collection.amount);
    return this.setSessions(id, [{ provider_id: providerId, amount: collection.amount, session_id: existing?.id }]);
  }

  /**
   * The collection's sessions become these (Medusa's batch): their amounts must
   * add up to the collection's (422 `payment_session_amounts_mismatch`); a
   * listed `session_id` with the same amount is kept, others are started; the
   * sessions left out are dropped. Only while nothing is paid (422
   * `payment_collection_not_payable`).
   */
  async setSessions(id: string, inputs: SessionInput[]): Promise<PaymentCollectionView> {
    const { collection, sessions } = await this.unitOfWork.read((m) => loadCollection(m, id));
    assertPayable(collection);
    this.cradle.paymentSessionService.providers(inputs.map((i) => i.provider_id));
    const sum = inputs.reduce((total, i) => total + i.amount, 0);
    if (sum !== collection.amount) {
      throw new UnprocessableError(`The sessions' amounts add up to ${sum}, not the collection's ${collection.amount}`, "payment_session_amounts_mismatch", "sessions");
    }
    const kept = new Set<string>();
    const toStart: SessionInput[] = [];
    for (const input of inputs) {
      const own = input.session_id ? sessions.find((s) => s.id === input.session_id) : undefined;
      if (input.session_id && !own) throw new NotFoundError(`Payment session ${input.session_id} is not part of collection ${id}`, "payment_session_not_found");
      if (own && own.provider_id === input.provider_id && own.amount === input.amount) kept.add(own.id);
      else toStart.push(input);
    }
    const started: StartedSession[] = [];
    for (const input of toStart) started.push(...(await this.cradle.paymentSessionService.start(this.context(collection, input.amount), [input.provider_id])));
    let dropped: PaymentCollectionSession[] = [];
    try {
      dropped = await this.unitOfWork.run(async (tx) => {
        assertPayable(await lockCollection(tx, id));
        const current = await tx.manager.findBy(PaymentCollectionSession, { payment_collection_id: id });
        const gone = current.filter((s) => !kept.has(s.id));
        if (gone.some((s) => s.payment_authorized_at)) throw new UnprocessableError(`Payment collection ${id} has an authorized session`, "payment_collection_not_payable");
        if (gone.length) await tx.manager.delete(PaymentCollectionSession, { id: In(gone.map((s) => s.id)) });
        for (const s of started) {
          const row = tx.manager.create(PaymentCollectionSession, {
            id: s.id,
            payment_collection_id: id,
            provider_id: s.provider_id,
            amount: s.amount,
            status: "pending",
            data: s.data,
            is_selected: true,
            is_initiated: true,
            payment_authorized_at: null,
            payment_id: null,
          });
          await tx.manager.insert(PaymentCollectionSession, row as never);
        }
        return gone;
      });
    } catch (err) {
      await this.cradle.paymentSessionService.discard(started);
      throw err;
    }
    await this.cradle.paymentSessionService.discard(dropped);
    return this.cradle.paymentCollectionService.retrieve(id);
  }

  /** Starts a session again with its provider (a new provider session for the same amount); an authorized one is a 422 `payment_session_authorized`. */
  async refresh(id: string, sessionId: string) {
    const { collection, sessions } = await this.unitOfWork.read((m) => loadCollection(m, id));
    const session = ownSession(id, sessions, sessionId);
    if (session.payment_authorized_at) throw new UnprocessableError(`Payment session ${sessionId} is authorized`, "payment_session_authorized");
    const [fresh] = await this.cradle.paymentSessionService.start(this.context(collection, session.amount, sessionId), [session.provider_id]);
    const stored = await this.unitOfWork.run(async (tx) => {
      await lockCollection(tx, id);
      const { affected } = await tx.manager.update(
        PaymentCollectionSession,
        { id: sessionId, payment_authorized_at: IsNull() },
        { data: fresh!.data as never, status: "pending", updated_at: new Date() },
      );
      return !!affected;
    });
    await this.cradle.paymentSessionService.discard(stored ? [session] : [fresh!]);
    if (!stored) throw new UnprocessableError(`Payment session ${sessionId} is authorized`, "payment_session_authorized");
    const after = await this.unitOfWork.read((m) => m.findOneByOrFail(PaymentCollectionSession, { id: sessionId }));
    return sessionView(after);
  }

  /**
   * Authorizes the listed sessions with their providers (no transaction open),
   * then records each authorization once: a payment (`paymentService`) and the
   * session authorized, by a conditional UPDATE, so a concurrent request that
   * authorized the same session records nothing and its authorization is
   * voided. The collection becomes `authorized`, `partially_authorized` or
   * `awaiting` (Medusa v1). An authorized collection is answered as it is.
   */
  async authorize(id: string, sessionIds: string[]): Promise<PaymentCollectionView> {
    const { collection, sessions } = await this.unitOfWork.read((m) => loadCollection(m, id));
    if (collection.status === "authorized") return this.cradle.paymentCollectionService.retrieve(id);
    if (collection.status === "canceled") throw new UnprocessableError(`Payment collection ${id} is canceled`, "payment_collection_canceled");
    if (!sessions.length) throw new UnprocessableError(`Payment collection ${id} has no payment session`, "payment_session_missing");
    for (const sid of sessionIds) ownSession(id, sessions, sid);
    const results: { session: PaymentCollectionSession; status: string; data: Record<string, unknown> }[] = [];
    let failure: unknown;
    for (const session of sessions.filter((s) => sessionIds.includes(s.id) && !s.payment_authorized_at)) {
      try {
        const result = await this.cradle.paymentService.authorize(session, this.context(collection, session.amount, session.id));
        results.push({ session, status: result.status, data: result.data ?? session.data });
      } catch (err) {
        failure = err;
        break;
      }
    }
    const voids: { provider_id: string; amount: number; currency_code: string; data: Record<string, unknown> }[] = [];
    await this.unitOfWork.run(async (tx) => {
      const locked = await lockCollection(tx, id);
      const now = new Date();
      for (const { session, status, data } of results) {
        if (status !== "authorized") {
          const next = status === "requires_more" ? "requires_more" : "error";
          await tx.manager.update(PaymentCollectionSession, { id: session.id, payment_authorized_at: IsNull() }, { status: next, data: data as never, updated_at: now });
          continue;
        }
        const { affected } = await tx.manager.update(
          PaymentCollectionSession,
          { id: session.id, payment_authorized_at: IsNull() },
          { status: "authorized", data: data as never, payment_authorized_at: now, updated_at: now },
        );
        const payment = { provider_id: session.provider_id, amount: session.amount, currency_code: locked.currency_code, data };
        if (!affected) {
          voids.push(payment);
          continue;
        }
        const recorded = await this.cradle.paymentService.recordAuthorizedPayment(payment);
        await tx.manager.update(PaymentCollectionSession, { id: session.id }, { payment_id: recorded.id });
      }
      const state = authorizedState(locked.amount, await tx.manager.findBy(PaymentCollectionSession, { payment_collection_id: id }));
      if (locked.status !== "canceled") await tx.manager.update(PaymentCollection, { id }, state);
      if (state.status === "authorized" && locked.status !== "authorized") tx.emit("payment-collection.payment_authorized", { id });
    });
    for (const payment of voids) await this.cradle.paymentService.voidAuthorization(payment);
    if (failure) throw failure;
    return this.cradle.paymentCollectionService.retrieve(id);
  }

  /** What a provider is told about a collection's payment: the collection stands in for the cart. */
  private context(collection: PaymentCollection, amount: number, sessionId?: string) {
    return { cart_id: collection.id, email: null, customer_id: null, currency_code: collection.currency_code, amount, session_id: sessionId };
  }
}

function assertPayable(collection: PaymentCollection): void {
  if (collection.status !== "not_paid" && collection.status !== "awaiting") {
    throw new UnprocessableError(`Payment collection ${collection.id} is ${collection.status}`, "payment_collection_not_payable");
  }
}

function ownSession(id: string, sessions: PaymentCollectionSession[], sessionId: string): PaymentCollectionSession {
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw new NotFoundError(`Payment session ${sessionId} is not part of collection ${id}`, "payment_session_not_found");
  return session;
}
