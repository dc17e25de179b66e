import {
  generateId,
  In,
  NotFoundError,
  UnprocessableError,
  type EntityManager,
  type FindOptionsWhere,
  type KioskServices,
  type LineItemChange,
  type LineItemInput,
  type OrderView,
  type TransactionContext,
  type UpdateCartInput,
} from "kiosk";
import { DraftOrder } from "../models/draft-order";
import { nextDraftDisplayId } from "../lib/display-id";
import { draftOrderView, type DraftOrderView } from "../lib/draft-order-view";
import { lockDraft, lockOpenDraft, assertOpen } from "../lib/lock-draft";
import { registerPayment } from "../lib/register-payment";
import { readDraftsOfOrders } from "../lib/drafts-of-orders";
import type { JsonBatch, Sql } from "kiosk/sql";

/** The admin reaches draft orders' carts, and only those (the cart module's scope). */
const ACTOR = { draftOrder: true } as const;

export interface DraftShippingMethodInput {
  option_id: string;
  data?: Record<string, unknown>;
  price?: number;
}

export interface CreateDraftOrderInput extends Pick<UpdateCartInput, "shipping_address" | "billing_address" | "discounts"> {
  email: string;
  region_id: string;
  items?: LineItemInput[];
  shipping_methods: DraftShippingMethodInput[];
  customer_id?: string;
  no_notification_order?: boolean;
  metadata?: Record<string, unknown> | null;
}

export type UpdateDraftOrderInput = Pick<
  UpdateCartInput,
  "region_id" | "country_code" | "email" | "shipping_address" | "billing_address" | "discounts" | "customer_id"
> & { no_notification_order?: boolean };

/**
 * Draft orders (Medusa v1): the admin builds a cart of `type: "draft_order"`
 * through the cart module's services (custom lines, custom prices, admin-only
 * shipping at a chosen price), then registers its payment, which completes the
 * cart into an order with a captured payment (`lib/register-payment.ts`).
 * Every change locks the draft row first, so it cannot race the payment.
 */
export default class DraftOrderService {
  constructor(private readonly cradle: KioskServices) {}

  /** Newest first; `q` matches the cart's email, the display id or the id. */
  list(filter: { q?: string }, page: { offset: number; limit: number }): Promise<[DraftOrderView[], number]> {
    return this.cradle.unitOfWork.read(async (manager) => {
      const where = filter.q ? await this.search(filter.q) : {};
      const [drafts, count] = await manager.findAndCount(DraftOrder, {
        where,
        order: { created_at: "DESC", id: "DESC" },
        skip: page.offset,
        take: page.limit,
      });
      return [await Promise.all(drafts.map((d) => this.present(d))), count];
    });
  }

  /** Read part (see `JsonBatch`): order id → the id of the draft it was paid from, for the orders `orderIds` picks. */
  readForOrders(batch: JsonBatch, orderIds: Sql): () => Map<string, string> {
    return readDraftsOfOrders(batch, orderIds);
  }

  retrieve(id: string): Promise<DraftOrderView> {
    return this.cradle.unitOfWork.read(async (manager) => this.present(await this.load(manager, id)));
  }

  /**
   * Creates the cart (lines, addresses, discounts, shipping) and the draft in
   * one transaction; the shipping data goes to its provider before it opens.
   */
  async create(input: CreateDraftOrderInput): Promise<DraftOrderView> {
    const cartId = generateId("cart");
    const methods = input.shipping_methods;
    const prepared: Record<string, unknown>[] = [];
    for (const m of methods) prepared.push(await this.cradle.shippingMethodService.prepareData(cartId, m.option_id, m.data ?? {}));
    return this.cradle.unitOfWork.run(async (tx) => {
      if (input.customer_id) await this.cradle.customerService.retrieve(input.customer_id);
      const actor = { ...ACTOR, customerId: input.customer_id };
      const { cartService } = this.cradle;
      await cartService.create({ id: cartId, region_id: input.region_id, email: input.email, items: input.items }, actor);
      const { shipping_address, billing_address, discounts } = input;
      if (shipping_address !== undefined || billing_address !== undefined || discounts) {
        await cartService.update(cartId, { shipping_address, billing_address, discounts }, actor);
      }
      for (const [i, m] of methods.entries()) {
        await cartService.addShippingMethod(cartId, m.option_id, prepared[i], { ...ACTOR, price: m.price, prepared: true });
      }
      const draft = tx.manager.create(DraftOrder, {
        status: "open",
        display_id: await nextDraftDisplayId(tx.manager),
        cart_id: cartId,
        order_id: null,
        canceled_at: null,
        completed_at: null,
        no_notification_order: input.no_notification_order ?? null,
        idempotency_key: null,
        metadata: input.metadata ?? null,
      });
      await tx.manager.insert(DraftOrder, draft as never);
      tx.emit("draft-order.created", { id: draft.id });
      return this.present(draft);
    });
  }

  /** Changes the cart's email, addresses, discounts or customer, and the draft's `no_notification_order`. */
  update(id: string, input: UpdateDraftOrderInput): Promise<DraftOrderView> {
    return this.change(id, async (tx, draft) => {
      const { no_notification_order, ...cartInput } = input;
      if (cartInput.region_id !== undefined) {
        const cart = await this.cradle.cartService.lock(tx, draft.cart_id, ACTOR);
        if (cartInput.region_id !== cart.region_id) {
          throw new UnprocessableError("A draft order's region cannot change: create a new draft order in the other region", "draft_order_region_change", "region_id");
        }
      }
      if (cartInput.customer_id) await this.cradle.customerService.retrieve(cartInput.customer_id);
      if (Object.keys(cartInput).length) await this.cradle.cartService.update(draft.cart_id, cartInput, ACTOR);
      if (no_notification_order !== undefined) {
        await tx.manager.update(DraftOrder, { id }, { no_notification_order, updated_at: new Date() });
      }
    });
  }

  addLineItem(id: string, input: LineItemInput): Promise<DraftOrderView> {
    return this.change(id, async (_tx, draft) => void (await this.cradle.cartService.addLineItem(draft.cart_id, input, ACTOR)));
  }

  /** Quantity 0 removes the line, as in Medusa v1. */
  updateLineItem(id: string, lineId: string, input: LineItemChange): Promise<DraftOrderView> {
    return this.change(id, async (_tx, draft) => {
      if (input.quantity === 0) await this.cradle.cartService.removeLineItem(draft.cart_id, lineId, ACTOR);
      else await this.cradle.cartService.updateLineItem(draft.cart_id, lineId, input, ACTOR);
    });
  }

  removeLineItem(id: string, lineId: string): Promise<DraftOrderView> {
    return this.change(id, async (_tx, draft) => void (await this.cradle.cartService.removeLineItem(draft.cart_id, lineId, ACTOR)));
  }

  /** Deletes an open draft order (its cart stays, unreachable: see the README); a completed one is a 422. */
  delete(id: string): Promise<void> {
    return this.cradle.unitOfWork.run(async (tx) => {
      await lockOpenDraft(tx, id);
      await tx.manager.delete(DraftOrder, { id });
    });
  }

  /**
   * Registers the payment: the order, with its payment captured. Paying a
   * completed draft (twice, or concurrently) answers the order it made.
   */
  async pay(id: string): Promise<OrderView> {
    const orderId = await registerPayment(this.cradle, id);
    return this.cradle.orderService.retrieve(orderId);
  }

  /** Runs a change of an open draft in one transaction (the draft row locked first), then answers the draft. */
  private change(id: string, work: (tx: TransactionContext, draft: DraftOrder) => Promise<void>): Promise<DraftOrderView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const draft = await lockDraft(tx, id);
      assertOpen(draft);
      await work(tx, draft);
      tx.emit("draft-order.updated", { id });
      return this.present(await this.load(tx.manager, id));
    });
  }

  private async load(manager: EntityManager, id: string): Promise<DraftOrder> {
    const draft = await manager.findOneBy(DraftOrder, { id });
    if (!draft) throw new NotFoundError(`Draft order with id ${id} was not found`, "draft_order_not_found");
    return draft;
  }

  private async present(draft: DraftOrder): Promise<DraftOrderView> {
    return draftOrderView(draft, await this.cradle.cartService.retrieve(draft.cart_id, ACTOR));
  }

  /** The draft orders `q` picks: by the cart's email, or by display id or id. */
  private async search(q: string): Promise<FindOptionsWhere<DraftOrder>[]> {
    const text = q.trim();
    const where: FindOptionsWhere<DraftOrder>[] = [{ id: text }];
    if (/^\d{1,9}$/.test(text)) where.push({ display_id: Number(text) });
    const cartIds = await this.cradle.cartService.draftCartIdsByEmail(text);
    if (cartIds.length) where.push({ cart_id: In(cartIds) });
    return where;
  }
}
