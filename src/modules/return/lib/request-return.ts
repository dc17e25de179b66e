import { In, InvalidDataError, IsNull, NotFoundError, type KioskServices, type TransactionContext } from "kiosk";
import { insertAll } from "kiosk/sql";
import { Return } from "../models/return";
import { ReturnItem } from "../models/return-item";
import { ReturnReason } from "../models/return-reason";
import { refundFor } from "./refund-amount";
import { assertReturnable, requestedUnits } from "./returnable";
import { loadReturns } from "./return-rows";

export interface RequestReturnInput {
  order_id: string;
  items: { item_id: string; quantity: number; reason_id?: string | null; note?: string | null }[];
  /** A return shipping option of the order's region; the admin may set its price. */
  return_shipping?: { option_id: string; price?: number };
  no_notification?: boolean;
  /** The admin's refund, instead of the computed one. */
  refund?: number;
  /** The admin's note, kept on the items that have none of their own. */
  note?: string | null;
  /** The swap the return is part of: receiving it refunds nothing (the swap's payment settles it). */
  swap_id?: string;
  /** The claim the return is created for (its receipt then refunds only the admin's `refund`). */
  claim_order_id?: string;
}

/**
 * Writes a requested return, in the caller's transaction, on the order begun
 * (`orderReturnService.begin`: locked, no other action, open): the items must
 * be shipped units of its lines not returned nor held by another open return,
 * the reasons live, the shipping option a return option of its region.
 */
export async function requestReturn(cradle: KioskServices, tx: TransactionContext, input: RequestReturnInput): Promise<Return> {
  const orderId = input.order_id;
  const order = await cradle.orderReturnService.begin(orderId);
  const lines = await cradle.lineItemService.listForOrders([orderId]);
  const open = await loadReturns(tx.manager, (await tx.manager.find(Return, { where: { order_id: orderId }, select: { id: true } })).map((r) => r.id));
  assertReturnable(orderId, lines, requestedUnits(open), input.items);
  await requireReasons(tx, input.items);
  const shipping = input.return_shipping ? await returnShipping(cradle, order.region_id, input.return_shipping) : null;
  const view = await cradle.orderService.retrieve(orderId);
  const ret = tx.manager.create(Return, {
    status: "requested",
    order_id: orderId,
    shipping_option_id: shipping?.id ?? null,
    shipping_price: shipping?.price ?? null,
    shipping_data: shipping ? {} : null,
    refund_amount: input.refund ?? refundFor(view.items, input.items, shipping?.price ?? 0),
    received_at: null,
    no_notification: input.no_notification ?? null,
    metadata: null,
    swap_id: input.swap_id ?? null,
    claim_order_id: input.claim_order_id ?? null,
  });
  await tx.manager.insert(Return, ret as never);
  const items = input.items.map((i) =>
    tx.manager.create(ReturnItem, {
      return_id: ret.id,
      item_id: i.item_id,
      quantity: i.quantity,
      is_requested: true,
      requested_quantity: i.quantity,
      received_quantity: null,
      reason_id: i.reason_id || null,
      note: i.note ?? input.note ?? null,
      metadata: null,
    }),
  );
  await insertAll(tx.manager, ReturnItem, items);
  tx.emit("order.return_requested", { id: orderId, return_id: ret.id, no_notification: input.no_notification ?? order.no_notification ?? false });
  return ret;
}

/** Each reason named must be a live return reason (400 `invalid_return_reason`). */
async function requireReasons(tx: TransactionContext, items: { reason_id?: string | null }[]): Promise<void> {
  const ids = [...new Set(items.map((i) => i.reason_id).filter((id): id is string => !!id))];
  if (!ids.length) return;
  const found = await tx.manager.find(ReturnReason, { where: { id: In(ids), deleted_at: IsNull() }, select: { id: true } });
  const missing = ids.find((id) => !found.some((r) => r.id === id));
  if (missing) throw new InvalidDataError(`Return reason ${missing} was not found`, { code: "invalid_return_reason", field: "items" });
}

/** The return shipping option and its price: a return option (`is_return`) of the order's region, else a 400 `invalid_shipping_option`. */
async function returnShipping(cradle: KioskServices, regionId: string, input: { option_id: string; price?: number }) {
  const option = await cradle.shippingOptionService.retrieve(input.option_id).catch((err) => {
    if (err instanceof NotFoundError) return null;
    throw err;
  });
  if (!option || !option.is_return || option.region_id !== regionId) {
    throw new InvalidDataError(`Shipping option ${input.option_id} is not a return shipping option of the order's region`, {
      code: "invalid_shipping_option",
      field: "return_shipping",
    });
  }
  return { id: option.id, price: input.price ?? option.amount ?? 0 };
}
