import { JsonBatch, groupBy, sql, type EntityManager } from "kiosk";
import { Fulfillment } from "../models/fulfillment";
import { FulfillmentItem } from "../models/fulfillment-item";
import { Order } from "../models/order";

/**
 * Orders with the relations their view shows (shipping methods and options,
 * payments, refunds, fulfillments and their items, discounts and rules), read in
 * one statement (see `JsonBatch`); the rows of other modules by entity name.
 * Unknown ids are left out; the order of the result is not that of `ids`.
 */
export async function loadOrders(manager: EntityManager, ids: string[]): Promise<Order[]> {
  const batch = new JsonBatch(manager);
  const orderIds = sql.list(ids);
  const orders = batch.rows<Order>(Order, sql`t."id" IN (${orderIds})`);
  const methodRows = batch.rows<any>("ShippingMethod", sql`t."order_id" IN (${orderIds})`);
  const optionRows = batch.rows<any>(
    "ShippingOption",
    sql`t."id" IN (SELECT "shipping_option_id" FROM "shipping_method" WHERE "order_id" IN (${orderIds}))`,
  );
  const paymentRows = batch.rows<any>("Payment", sql`t."order_id" IN (${orderIds})`);
  const refundRows = batch.rows<any>("Refund", sql`t."order_id" IN (${orderIds})`);
  const fulfillmentRows = batch.rows<Fulfillment>(Fulfillment, sql`t."order_id" IN (${orderIds})`);
  const itemRows = batch.rows<FulfillmentItem>(
    FulfillmentItem,
    sql`t."fulfillment_id" IN (SELECT "id" FROM "fulfillment" WHERE "order_id" IN (${orderIds}))`,
  );
  const linkRows = batch.plain<{ order_id: string; discount_id: string }>("order_discounts", ["order_id", "discount_id"], sql`t."order_id" IN (${orderIds})`);
  const discountRows = batch.rows<any>("Discount", sql`t."id" IN (SELECT "discount_id" FROM "order_discounts" WHERE "order_id" IN (${orderIds}))`);
  const ruleRows = batch.rows<any>(
    "DiscountRule",
    sql`t."id" IN (SELECT d."rule_id" FROM "discount" d JOIN "order_discounts" j ON j."discount_id" = d."id" WHERE j."order_id" IN (${orderIds}))`,
  );
  await batch.run();
  const parts = {
    orders: orders.rows,
    methods: methodRows.rows,
    options: optionRows.rows,
    payments: paymentRows.rows,
    refunds: refundRows.rows,
    fulfillments: fulfillmentRows.rows,
    fulfillmentItems: itemRows.rows,
    discountLinks: linkRows.rows,
    discounts: discountRows.rows,
    rules: ruleRows.rows,
  };
  const options = new Map(parts.options.map((o) => [o.id, o]));
  const rules = new Map(parts.rules.map((r) => [r.id, r]));
  const discounts = new Map(parts.discounts.map((d) => [d.id, { ...d, rule: rules.get(d.rule_id) ?? null }]));
  const methods = groupBy(parts.methods, (m) => m.order_id);
  const payments = groupBy(parts.payments, (p) => p.order_id);
  const refunds = groupBy(parts.refunds, (r) => r.order_id);
  const items = groupBy(parts.fulfillmentItems, (i) => i.fulfillment_id);
  const fulfillments = groupBy(parts.fulfillments, (f) => f.order_id);
  const links = groupBy(parts.discountLinks, (l) => l.order_id);
  return parts.orders.map((order) => ({
    ...order,
    shipping_methods: (methods.get(order.id) ?? []).map((m) => ({ ...m, shipping_option: options.get(m.shipping_option_id) ?? null })),
    payments: payments.get(order.id) ?? [],
    refunds: refunds.get(order.id) ?? [],
    fulfillments: (fulfillments.get(order.id) ?? []).map((f) => ({ ...f, items: items.get(f.id) ?? [] })),
    discounts: (links.get(order.id) ?? []).map((l) => discounts.get(l.discount_id)).filter(Boolean),
  })) as Order[];
}
