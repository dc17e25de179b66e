import { JsonBatch, groupBy, type EntityManager } from "kiosk";
import { Fulfillment } from "../models/fulfillment";
import { FulfillmentItem } from "../models/fulfillment-item";
import { Order } from "../models/order";

type Parts = {
  orders: Order[];
  methods: any[];
  options: any[];
  payments: any[];
  refunds: any[];
  fulfillments: Fulfillment[];
  fulfillmentItems: FulfillmentItem[];
  discountLinks: { order_id: string; discount_id: string }[];
  discounts: any[];
  rules: any[];
};

/**
 * Orders with the relations their view shows (shipping methods and options,
 * payments, refunds, fulfillments and their items, discounts and rules), read in
 * one statement (see `JsonBatch`); the rows of other modules by entity name.
 * Unknown ids are left out; the order of the result is not that of `ids`.
 */
export async function loadOrders(manager: EntityManager, ids: string[]): Promise<Order[]> {
  const batch = new JsonBatch(manager);
  const orderIds = () => batch.params.list(ids);
  batch
    .rows("orders", Order, `t."id" IN (${orderIds()})`)
    .rows("methods", "ShippingMethod", `t."order_id" IN (${orderIds()})`)
    .rows("options", "ShippingOption", `t."id" IN (SELECT "shipping_option_id" FROM "shipping_method" WHERE "order_id" IN (${orderIds()}))`)
    .rows("payments", "Payment", `t."order_id" IN (${orderIds()})`)
    .rows("refunds", "Refund", `t."order_id" IN (${orderIds()})`)
    .rows("fulfillments", Fulfillment, `t."order_id" IN (${orderIds()})`)
    .rows("fulfillmentItems", FulfillmentItem, `t."fulfillment_id" IN (SELECT "id" FROM "fulfillment" WHERE "order_id" IN (${orderIds()}))`)
    .plain("discountLinks", "order_discounts", ["order_id", "discount_id"], `t."order_id" IN (${orderIds()})`)
    .rows("discounts", "Discount", `t."id" IN (SELECT "discount_id" FROM "order_discounts" WHERE "order_id" IN (${orderIds()}))`)
    .rows(
      "rules",
      "DiscountRule",
      `t."id" IN (SELECT d."rule_id" FROM "discount" d JOIN "order_discounts" j ON j."discount_id" = d."id" WHERE j."order_id" IN (${orderIds()}))`,
    );
  const parts = await batch.run<Parts>();
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
