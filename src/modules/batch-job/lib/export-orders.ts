import { stringifyCsv } from "kiosk/internal";
import type { KioskServices, OrderView } from "kiosk";
import type { OnProgress } from "./import-products";

const PAGE = 200;

/** Medusa v1's order export columns, each its own CSV column. */
const COLUMNS: [string, (o: OrderView) => unknown][] = [
  ["Order_ID", (o) => o.id],
  ["Display_ID", (o) => o.display_id],
  ["Order status", (o) => o.status],
  ["Date", (o) => new Date(o.created_at).toISOString()],
  ["Customer Email", (o) => o.email],
  ["Customer ID", (o) => o.customer_id],
  ["Shipping Address 1", (o) => o.shipping_address?.address_1],
  ["Shipping Address 2", (o) => o.shipping_address?.address_2],
  ["Shipping Country Code", (o) => o.shipping_address?.country_code],
  ["Shipping City", (o) => o.shipping_address?.city],
  ["Shipping Postal Code", (o) => o.shipping_address?.postal_code],
  ["Shipping Region ID", (o) => o.region_id],
  ["Fulfillment Status", (o) => o.fulfillment_status],
  ["Payment Status", (o) => o.payment_status],
  ["Subtotal", (o) => o.subtotal],
  ["Shipping Total", (o) => o.shipping_total],
  ["Discount Total", (o) => o.discount_total],
  ["Gift Card Total", (o) => o.gift_card_total],
  ["Refunded Total", (o) => o.refunded_total],
  ["Tax Total", (o) => o.tax_total],
  ["Total", (o) => o.total],
  ["Currency Code", (o) => o.currency_code],
];

/** Every order, oldest first, one row each. */
export async function exportOrders(cradle: KioskServices, onProgress: OnProgress): Promise<{ count: number; csv: string }> {
  const rows: unknown[][] = [COLUMNS.map(([title]) => title)];
  for (let offset = 0; ; offset += PAGE) {
    const [page, count] = await cradle.orderService.list({}, { offset, limit: PAGE, order: "created_at" });
    for (const order of page) rows.push(COLUMNS.map(([, value]) => value(order) ?? ""));
    await onProgress(rows.length - 1, count);
    if (page.length < PAGE) break;
  }
  return { count: rows.length - 1, csv: stringifyCsv(rows) };
}
