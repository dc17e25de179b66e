import {
  containsPattern,
  InvalidDataError,
  IsNull,
  mergeMetadata,
  NotFoundError,
  type CartView,
  type KioskServices,
  type TransactionContext,
} from "kiosk";
import { insertAll, lockRow, type JsonBatch, type Sql } from "kiosk/sql";
import { GiftCard } from "../models/gift-card";
import { replaceCartGiftCards } from "../lib/cart-links";
import { generateGiftCardCode, normalizeCode } from "../lib/gift-card-code";
import { readCartParts, readOrderParts, type OrderGiftCards } from "../lib/gift-card-reads";
import { storeGiftCardView, type GiftCardView } from "../lib/gift-card-view";
import { issueForOrder } from "../lib/issue";
import { loadGiftCards } from "../lib/load-gift-cards";
import { redeemForOrder } from "../lib/redeem";
import { isUsable } from "../lib/usability";

export interface GiftCardInput {
  value: number;
  region_id: string;
  ends_at?: Date | null;
  is_disabled?: boolean;
  metadata?: Record<string, unknown> | null;
}

export interface GiftCardUpdate {
  balance?: number;
  region_id?: string;
  ends_at?: Date | null;
  is_disabled?: boolean;
  metadata?: Record<string, unknown> | null;
}

export interface GiftCardListQuery {
  q?: string;
  offset: number;
  limit: number;
}

/**
 * Gift cards (Medusa v1): the admin's CRUD, the storefront's lookup by code,
 * applying cards to a cart, and, inside a cart's completion, taking what the
 * cart counted on from their balances and issuing the cards the order bought.
 */
export default class GiftCardService {
  constructor(private readonly cradle: KioskServices) {}

  /** Cards not deleted, newest first, searched by code with `q`. */
  list(query: GiftCardListQuery): Promise<[GiftCardView[], number]> {
    return this.cradle.unitOfWork.read(async (manager) => {
      const qb = manager.createQueryBuilder(GiftCard, "g").select("g.id", "id").where("g.deleted_at IS NULL");
      if (query.q) qb.andWhere(`g.code LIKE :q ESCAPE '\\'`, { q: containsPattern(normalizeCode(query.q)) });
      const count = await qb.clone().getCount();
      const rows = await qb.orderBy("g.created_at", "DESC").addOrderBy("g.id", "DESC").offset(query.offset).limit(query.limit).getRawMany<{ id: string }>();
      return [await loadGiftCards(this.cradle, manager, rows.map((r) => r.id)), count];
    });
  }

  retrieve(id: string): Promise<GiftCardView> {
    return this.cradle.unitOfWork.read((manager) => this.load(manager, id));
  }

  /** The storefront's view of a card by code (any case); unknown, deleted or disabled is a 404. */
  retrieveByCode(code: string): Promise<ReturnType<typeof storeGiftCardView>> {
    return this.cradle.unitOfWork.read(async (manager) => {
      const card = await manager.findOneBy(GiftCard, { code: normalizeCode(code), deleted_at: IsNull(), is_disabled: false });
      if (!card) throw new NotFoundError(`Gift card with code ${code} was not found`, "gift_card_not_found");
      const [view] = await loadGiftCards(this.cradle, manager, [card.id]);
      return storeGiftCardView(view, view.region);
    });
  }

  create(input: GiftCardInput): Promise<GiftCardView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      await this.cradle.regionService.retrieve(input.region_id);
      const card = tx.manager.create(GiftCard, {
        code: generateGiftCardCode(),
        value: input.value,
        balance: input.value,
        region_id: input.region_id,
        order_id: null,
        is_disabled: input.is_disabled ?? false,
        ends_at: input.ends_at ?? null,
        tax_rate: null,
        metadata: input.metadata ?? null,
        deleted_at: null,
      });
      await insertAll(tx.manager, GiftCard, [card]);
      tx.emit("gift-card.created", { id: card.id });
      return this.load(tx.manager, card.id);
    });
  }

  /** Medusa v1's update; the row is locked first, so it never races an order spending the card. */
  update(id: string, input: GiftCardUpdate): Promise<GiftCardView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const card = await this.lockLive(tx, id);
      if (input.balance !== undefined && input.balance > card.value) {
        throw new InvalidDataError(`The balance cannot exceed the card's value (${card.value})`, { code: "invalid_balance", field: "balance" });
      }
      if (input.region_id !== undefined) await this.cradle.regionService.retrieve(input.region_id);
      const { metadata, ...fields } = input;
      const changes = { ...fields, ...(metadata !== undefined ? { metadata: mergeMetadata(card.metadata, metadata) } : {}), updated_at: new Date() };
      await tx.manager.update(GiftCard, { id }, changes as never);
      tx.emit("gift-card.updated", { id });
      return this.load(tx.manager, id);
    });
  }

  /** Soft-deletes a card: it no longer pays, and carts it was applied to drop it. */
  delete(id: string): Promise<void> {
    return this.cradle.unitOfWork.run(async (tx) => {
      await this.lockLive(tx, id);
      const now = new Date();
      await tx.manager.update(GiftCard, { id }, { deleted_at: now, updated_at: now });
      tx.emit("gift-card.deleted", { id });
    });
  }

  /** Read part: the cards (not deleted) applied to the carts `cartIds` picks, by cart id. */
  readForCarts(batch: JsonBatch, cartIds: Sql): () => Map<string, GiftCard[]> {
    return readCartParts(batch, cartIds);
  }

  /** Read part: the gift card transactions and cards of the orders `orderIds` picks, by order id. */
  readForOrders(batch: JsonBatch, orderIds: Sql): () => Map<string, OrderGiftCards> {
    return readOrderParts(batch, orderIds);
  }

  /** Whether a card can pay in the region now (not disabled or deleted, not expired, balance left). */
  isUsable(card: GiftCard, regionId: string): boolean {
    return isUsable(card, regionId);
  }

  /** Replaces the cards on a cart with these codes (each checked); runs in the cart's change. */
  applyToCart(cartId: string, regionId: string, codes: string[]): Promise<void> {
    return this.cradle.unitOfWork.run((tx) => replaceCartGiftCards(tx, cartId, regionId, codes));
  }

  /**
   * In a cart's completion, in the order's transaction: takes the cart's
   * `gift_card_total` from its cards (exactly once: their rows are locked) and
   * issues the gift cards the order bought.
   */
  settleOrder(cart: CartView, orderId: string): Promise<void> {
    if (!this.cradle.unitOfWork.active) throw new Error("giftCardService.settleOrder runs in the order's transaction: call it inside one");
    return this.cradle.unitOfWork.run(async (tx) => {
      await redeemForOrder(tx, cart, orderId);
      await issueForOrder(tx, cart, orderId);
    });
  }

  private async load(manager: Parameters<typeof loadGiftCards>[1], id: string): Promise<GiftCardView> {
    const [card] = await loadGiftCards(this.cradle, manager, [id]);
    if (!card) throw new NotFoundError(`Gift card with id ${id} was not found`, "gift_card_not_found");
    return card;
  }

  private async lockLive(tx: TransactionContext, id: string): Promise<GiftCard> {
    const card = await lockRow(tx.manager, GiftCard, id);
    if (!card || card.deleted_at) throw new NotFoundError(`Gift card with id ${id} was not found`, "gift_card_not_found");
    return card;
  }
}
