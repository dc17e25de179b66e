import { In, InvalidDataError, UnprocessableError, type EntityManager, type UnitOfWork, type KioskServices } from "kiosk";
import { byCreation, groupBy } from "kiosk/internal";
import { insertAll, JsonBatch, sql, type Sql } from "kiosk/sql";
import { LineItem } from "../models/line-item";
import { LineItemAdjustment } from "../models/line-item-adjustment";
import { variantSummary } from "../lib/catalog";
import { calculateTotals, type LineAdjustment } from "../lib/totals";
import { describeLine } from "../lib/line-pricing";
import { applyOrderEdit, scaledAmount, type OrderLinesEdit } from "../lib/apply-order-edit";

/**
 * Line items once they belong to an order: handed over at completion, counted
 * as they are fulfilled, shipped and returned, their stock given back when the
 * order is canceled. The order module works with lines only through this service.
 */
export default class LineItemService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /** The totals rule of carts, for orders (one implementation: `lib/totals.ts`). */
  totals(input: Parameters<typeof calculateTotals>[0]) {
    return calculateTotals(input);
  }

  /**
   * A new line for an order (an order edit's added line), priced and checked
   * as a cart's line is (`lib/line-pricing.ts`); nothing is written.
   */
  describeForOrder(variantId: string, quantity: number, context: Parameters<typeof describeLine>[3]) {
    return describeLine(this.cradle, variantId, quantity, context);
  }

  /** A line's discount amount for `from` units, scaled to `to` units (rounded down): how an edited line keeps its discount. */
  scaledAdjustment(amount: number, from: number, to: number): number {
    return scaledAmount(amount, from, to);
  }

  /**
   * Applies a confirmed order edit to the order's lines and stock, inside the
   * caller's transaction (`lib/apply-order-edit.ts`).
   */
  applyOrderEdit(orderId: string, edit: OrderLinesEdit): Promise<void> {
    return this.unitOfWork.run((tx) => applyOrderEdit(this.cradle, tx, orderId, edit));
  }

  /**
   * Gives a completed cart's lines to its order: sets `order_id`, records the
   * discount each line got and the stock taken for it (`reserved_quantity`).
   */
  attachToOrder(
    cartId: string,
    orderId: string,
    adjustments: LineAdjustment[],
    taken: Map<string, number>,
  ): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      // One UPDATE for all lines: a line whose variant's stock was taken reserves its quantity.
      const stocked = [...taken.keys()];
      await tx.manager
        .createQueryBuilder()
        .update(LineItem)
        .set({
          order_id: orderId,
          reserved_quantity: () => (stocked.length ? `CASE WHEN "variant_id" IN (:...stocked) THEN "quantity" ELSE 0 END` : "0"),
          updated_at: new Date(),
        })
        .where("cart_id = :cartId", { cartId, stocked })
        .execute();
      const rows = adjustments.map((a) =>
        tx.manager.create(LineItemAdjustment, { item_id: a.item_id, discount_id: a.discount_id, description: a.description, amount: a.amount }),
      );
      await insertAll(tx.manager, LineItemAdjustment, rows);
    });
  }

  /**
   * Read part (see `JsonBatch`): adds to the caller's batch the lines of the
   * orders `orderIds` picks (a subquery or `sql.list(ids)`) with their
   * adjustments, and their variants (the product module's read part). Call
   * `batch.run()`, then the function returned for the lines (oldest first) and
   * the variant summaries they show (`item.variant`) by variant id.
   */
  readForOrders(batch: JsonBatch, orderIds: Sql): () => { lines: LineItem[]; variants: Map<string, ReturnType<typeof variantSummary>> } {
    const lines = this.addOrderLineParts(batch, orderIds);
    const variants = this.cradle.productVariantService.readVariants(batch, sql`SELECT "variant_id" FROM "line_item" WHERE "order_id" IN (${orderIds})`);
    return () => ({
      lines: lines(),
      variants: new Map([...variants()].map(([id, v]) => [id, variantSummary(v)])),
    });
  }

  /**
   * Read part (see `JsonBatch`): the lines of the carts `cartIds` picks (a
   * swap's new items are its cart's lines), oldest first, as stored.
   */
  readForCarts(batch: JsonBatch, cartIds: Sql): () => LineItem[] {
    const lines = batch.rows<LineItem>(LineItem, sql`t."cart_id" IN (${cartIds})`);
    return () => [...lines.rows].sort(byCreation);
  }

  /** The lines of orders with their adjustments, oldest first. */
  listForOrders(orderIds: string[]): Promise<LineItem[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return this.unitOfWork.run(async (tx) => {
      const batch = new JsonBatch(tx.manager);
      const lines = this.addOrderLineParts(batch, sql.list(orderIds));
      await batch.run();
      return lines();
    });
  }

  /**
   * Adds fulfilled units to an order's lines: each line of this order, each
   * change one conditional UPDATE that never passes the ordered quantity (422
   * `quantity_exceeds_unfulfilled` otherwise).
   */
  fulfill(orderId: string, items: { item_id: string; quantity: number }[]): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.requireLines(tx.manager, orderId, items);
      for (const { item_id, quantity } of items) {
        const { affected } = await tx.manager
          .createQueryBuilder()
          .update(LineItem)
          .set({ fulfilled_quantity: () => "fulfilled_quantity + :quantity", updated_at: new Date() })
          .where("id = :id AND order_id = :orderId AND fulfilled_quantity + :quantity <= quantity", { id: item_id, orderId, quantity })
          .execute();
        if (!affected) {
          throw new UnprocessableError(
            `Line item ${item_id} has fewer than ${quantity} unfulfilled units`,
            "quantity_exceeds_unfulfilled",
            "items",
          );
        }
      }
    });
  }

  /** Takes fulfilled units back (a canceled fulfillment). */
  unfulfill(items: { item_id: string; quantity: number }[]): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      for (const { item_id, quantity } of items) {
        await tx.manager
          .createQueryBuilder()
          .update(LineItem)
          .set({ fulfilled_quantity: () => "fulfilled_quantity - :quantity", updated_at: new Date() })
          .where("id = :id", { id: item_id, quantity })
          .execute();
      }
    });
  }

  /** Marks fulfilled units as shipped. */
  ship(items: { item_id: string; quantity: number }[]): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      for (const { item_id, quantity } of items) {
        await tx.manager
          .createQueryBuilder()
          .update(LineItem)
          .set({ shipped_quantity: () => "shipped_quantity + :quantity", updated_at: new Date() })
          .where("id = :id", { id: item_id, quantity })
          .execute();
      }
    });
  }

  /**
   * Counts received units of an order's lines as returned (a received
   * return): each change one conditional UPDATE that never passes the shipped
   * units (422 `quantity_exceeds_returnable` otherwise). Answers the units per
   * variant, for the caller to give back to stock.
   */
  markReturned(orderId: string, items: { item_id: string; quantity: number }[]): Promise<Map<string, number>> {
    return this.unitOfWork.run(async (tx) => {
      await this.requireLines(tx.manager, orderId, items);
      const stock = new Map<string, number>();
      for (const { item_id, quantity } of items) {
        const { affected } = await tx.manager
          .createQueryBuilder()
          .update(LineItem)
          .set({ returned_quantity: () => "returned_quantity + :quantity", updated_at: new Date() })
          .where("id = :id AND order_id = :orderId AND returned_quantity + :quantity <= shipped_quantity", { id: item_id, orderId, quantity })
          .execute();
        if (!affected) {
          throw new UnprocessableError(`Line item ${item_id} has fewer than ${quantity} returnable units`, "quantity_exceeds_returnable", "items");
        }
        const line = await tx.manager.findOneByOrFail(LineItem, { id: item_id });
        if (line.variant_id) stock.set(line.variant_id, (stock.get(line.variant_id) ?? 0) + quantity);
      }
      return stock;
    });
  }

  /** Gives back the stock an order's lines took (a canceled order), variant stock and location reservations alike; each line only once. */
  releaseStock(orderId: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const lines = await tx.manager.findBy(LineItem, { order_id: orderId });
      const quantities = new Map<string, number>();
      for (const line of lines) {
        if (!line.reserved_quantity || !line.variant_id) continue;
        quantities.set(line.variant_id, (quantities.get(line.variant_id) ?? 0) + line.reserved_quantity);
        await tx.manager.update(LineItem, { id: line.id }, { reserved_quantity: 0, updated_at: new Date() });
      }
      await this.cradle.productVariantService.returnStock(quantities);
      // Lines reserved at stock locations instead: the inventory module releases them, each once.
      await this.cradle.reservationService.releaseForLines(lines.map((line) => line.id));
    });
  }

  /** The ids of a cart's lines (an undone completion releases their reservations). */
  async idsOfCart(cartId: string): Promise<string[]> {
    const lines = await this.unitOfWork.read((manager) => manager.find(LineItem, { where: { cart_id: cartId }, select: { id: true } }));
    return lines.map((line) => line.id);
  }

  private addOrderLineParts(batch: JsonBatch, orderIds: Sql): () => LineItem[] {
    const lines = batch.rows<LineItem>(LineItem, sql`t."order_id" IN (${orderIds})`);
    const adjustments = batch.rows<LineItemAdjustment>(
      LineItemAdjustment,
      sql`t."item_id" IN (SELECT "id" FROM "line_item" WHERE "order_id" IN (${orderIds}))`,
    );
    return () => {
      const byLine = groupBy(adjustments.rows, (a) => a.item_id);
      return lines.rows.map((line) => Object.assign(line, { adjustments: byLine.get(line.id) ?? [] })).sort(byCreation);
    };
  }

  private async requireLines(manager: EntityManager, orderId: string, items: { item_id: string }[]): Promise<void> {
    const ids = items.map((i) => i.item_id);
    if (new Set(ids).size !== ids.length) throw new InvalidDataError("items: a line item is listed twice", { field: "items" });
    const found = await manager.findBy(LineItem, { id: In(ids), order_id: orderId });
    const missing = ids.find((id) => !found.some((l) => l.id === id));
    if (missing) throw new InvalidDataError(`Line item ${missing} is not part of order ${orderId}`, { code: "invalid_item", field: "items" });
  }
}
