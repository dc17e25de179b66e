import type { ClaimView, EntityManager, KioskServices, LineItem, OrderGiftCards, ReturnView, SwapRowView } from "kiosk";
import { JsonBatch, sql } from "kiosk/sql";
import { groupBy } from "kiosk/internal";
import { Fulfillment } from "../models/fulfillment";
import { FulfillmentItem } from "../models/fulfillment-item";
import { Order } from "../models/order";

/** What order views are made of. */
export interface OrderRows {
  /** The orders with shipping methods (and options), payments, refunds, fulfillments (and items) and discounts (and rules). */
  orders: Order[];
  /** Their lines with adjustments, oldest first. */
  lines: LineItem[];
  /** The variant summaries the lines show, by variant id. */
  variants: Map<string, unknown>;
  /** Their regions with countries and currency. */
  regions: { id: string }[];
  /** Their returns with items and reasons, oldest first. */
  returns: ReturnView[];
  /** What each order took from gift cards (the gift-card module's transactions and cards), by order id. */
  giftCards: Map<string, OrderGiftCards>;
  /** Their swaps with fulfillments, oldest first. */
  swaps: SwapRowView[];
  /** Their claims with their items, oldest first. */
  claims: ClaimView[];
  /** The drafts they were paid from: order id → draft id (the draft-order module's read part). */
  drafts: Map<string, string>;
}

/**
 * Orders with everything their view shows, in ONE statement (see `JsonBatch`):
 * the order module's own rows (orders, fulfillments and their items, discount
 * links) and the read parts of the modules that own the rest (shipping
 * methods, payments and refunds, discounts, lines with adjustments and
 * variants, regions, returns, swaps, claims, gift card transactions and cards, drafts). Unknown ids are left out; the order of the result is not
 * that of `ids`.
 */
export async function loadOrders(reads: KioskServices, manager: EntityManager, ids: string[]): Promise<OrderRows> {
  const batch = new JsonBatch(manager);
  const orderIds = sql.list(ids);
  const orderRows = batch.rows<Order>(Order, sql`t."id" IN (${orderIds})`);
  const fulfillmentRows = batch.rows<Fulfillment>(Fulfillment, sql`t."order_id" IN (${orderIds})`);
  const itemRows = batch.rows<FulfillmentItem>(
    FulfillmentItem,
    sql`t."fulfillment_id" IN (SELECT "id" FROM "fulfillment" WHERE "order_id" IN (${orderIds}))`,
  );
  const linkRows = batch.plain<{ order_id: string; discount_id: string }>("order_discounts", ["order_id", "discount_id"], sql`t."order_id" IN (${orderIds})`);
  const methodRows = reads.shippingMethodService.readForOrders(batch, orderIds);
  const paymentRows = reads.paymentService.readForOrders(batch, orderIds);
  const discountRows = reads.discountService.readDiscounts(batch, sql`SELECT "discount_id" FROM "order_discounts" WHERE "order_id" IN (${orderIds})`);
  const lineRows = reads.lineItemService.readForOrders(batch, orderIds);
  const regionRows = reads.regionService.readRegions(batch, sql`SELECT "region_id" FROM "order" WHERE "id" IN (${orderIds})`);
  const returnRows = reads.returnService.readForOrders(batch, orderIds);
  const giftCardRows = reads.giftCardService.readForOrders(batch, orderIds);
  const swapRows = reads.swapService.readForOrders(batch, orderIds);
  const claimRows = reads.claimService.readForOrders(batch, orderIds);
  const draftRows = reads.draftOrderService.readForOrders(batch, orderIds);
  await batch.run();
  const discounts = discountRows();
  const { payments, refunds } = paymentRows();
  const methods = groupBy(methodRows(), (m) => m.order_id);
  const paymentsOf = groupBy(payments, (p) => p.order_id);
  const refundsOf = groupBy(refunds, (r) => r.order_id);
  const items = groupBy(itemRows.rows, (i) => i.fulfillment_id);
  const fulfillments = groupBy(fulfillmentRows.rows, (f) => f.order_id);
  const links = groupBy(linkRows.rows, (l) => l.order_id);
  const orders = orderRows.rows.map((order) => ({
    ...order,
    shipping_methods: methods.get(order.id) ?? [],
    payments: paymentsOf.get(order.id) ?? [],
    refunds: refundsOf.get(order.id) ?? [],
    fulfillments: (fulfillments.get(order.id) ?? []).map((f) => ({ ...f, items: items.get(f.id) ?? [] })),
    discounts: (links.get(order.id) ?? []).map((l) => discounts.get(l.discount_id)).filter(Boolean),
  })) as Order[];
  const { lines, variants } = lineRows();
  return { orders, lines, variants, regions: regionRows(), returns: returnRows(), swaps: swapRows(), claims: claimRows(), giftCards: giftCardRows(), drafts: draftRows() };
}
