import { NotFoundError, UnprocessableError, type KioskServices, type TransactionContext } from "kiosk";
import { Swap } from "../models/swap";
import { SwapFulfillment } from "../models/swap-fulfillment";
import { lockSwap } from "./swap-rows";

export interface FulfilSwapInput {
  no_notification?: boolean;
  metadata?: Record<string, unknown> | null;
}

export interface ShipSwapInput {
  fulfillment_id: string;
  tracking_numbers?: string[];
  no_notification?: boolean;
}

/** The swap, locked on the order begun, that may still be sent: not canceled (422 `swap_canceled`), its cart completed (422 `swap_not_confirmed`). */
async function sendable(cradle: KioskServices, tx: TransactionContext, orderId: string, id: string): Promise<Swap> {
  await cradle.orderReturnService.begin(orderId);
  const swap = await lockSwap(tx, orderId, id);
  if (swap.canceled_at) throw new UnprocessableError(`Swap ${id} is canceled`, "swap_canceled");
  if (!swap.confirmed_at) throw new UnprocessableError(`The cart of swap ${id} has not been completed`, "swap_not_confirmed");
  return swap;
}

/**
 * Fulfils all the swap's new items at once (422 `swap_fulfilled` while a
 * fulfillment is live; again once it was canceled); raises `swap.fulfillment_created`.
 */
export async function fulfilSwap(cradle: KioskServices, tx: TransactionContext, orderId: string, id: string, input: FulfilSwapInput): Promise<void> {
  const swap = await sendable(cradle, tx, orderId, id);
  if (swap.fulfillment_status !== "not_fulfilled" && swap.fulfillment_status !== "canceled") {
    throw new UnprocessableError(`Swap ${id} has already been fulfilled`, "swap_fulfilled");
  }
  const fulfillment = tx.manager.create(SwapFulfillment, {
    swap_id: id,
    tracking_numbers: [],
    shipped_at: null,
    canceled_at: null,
    no_notification: input.no_notification ?? null,
    metadata: input.metadata ?? null,
  });
  await tx.manager.insert(SwapFulfillment, fulfillment as never);
  await tx.manager.update(Swap, { id }, { fulfillment_status: "fulfilled", updated_at: new Date() });
  const silent = input.no_notification ?? swap.no_notification ?? false;
  tx.emit("swap.fulfillment_created", { id, fulfillment_id: fulfillment.id, no_notification: silent });
}

/** Ships a fulfillment of the swap (404 `fulfillment_not_found`; 422 `fulfillment_shipped`, `fulfillment_canceled`); raises `swap.shipment_created`. */
export async function shipSwap(cradle: KioskServices, tx: TransactionContext, orderId: string, id: string, input: ShipSwapInput): Promise<void> {
  const swap = await sendable(cradle, tx, orderId, id);
  const fulfillment = await tx.manager.findOneBy(SwapFulfillment, { id: input.fulfillment_id, swap_id: id });
  if (!fulfillment) throw new NotFoundError(`Fulfillment ${input.fulfillment_id} of swap ${id} was not found`, "fulfillment_not_found");
  if (fulfillment.canceled_at) throw new UnprocessableError(`Fulfillment ${fulfillment.id} is canceled`, "fulfillment_canceled");
  const now = new Date();
  const { affected } = await tx.manager
    .createQueryBuilder()
    .update(SwapFulfillment)
    .set({ shipped_at: now, tracking_numbers: (input.tracking_numbers ?? []) as never, updated_at: now })
    .where("id = :id AND shipped_at IS NULL", { id: fulfillment.id })
    .execute();
  if (!affected) throw new UnprocessableError(`Fulfillment ${fulfillment.id} has already been shipped`, "fulfillment_shipped");
  await tx.manager.update(Swap, { id }, { fulfillment_status: "shipped", updated_at: now });
  const silent = input.no_notification ?? swap.no_notification ?? false;
  tx.emit("swap.shipment_created", { id, fulfillment_id: fulfillment.id, no_notification: silent });
}

/**
 * Cancels a fulfillment of the swap not shipped yet (404
 * `fulfillment_not_found`; 422 `fulfillment_shipped`, `fulfillment_canceled`):
 * the swap's `fulfillment_status` becomes `canceled`, so it may be fulfilled
 * again, or canceled.
 */
export async function cancelSwapFulfillment(cradle: KioskServices, tx: TransactionContext, orderId: string, id: string, fulfillmentId: string): Promise<void> {
  await sendable(cradle, tx, orderId, id);
  const fulfillment = await tx.manager.findOneBy(SwapFulfillment, { id: fulfillmentId, swap_id: id });
  if (!fulfillment) throw new NotFoundError(`Fulfillment ${fulfillmentId} of swap ${id} was not found`, "fulfillment_not_found");
  if (fulfillment.shipped_at) throw new UnprocessableError(`Fulfillment ${fulfillmentId} has been shipped`, "fulfillment_shipped");
  if (fulfillment.canceled_at) throw new UnprocessableError(`Fulfillment ${fulfillmentId} is already canceled`, "fulfillment_canceled");
  const now = new Date();
  await tx.manager.update(SwapFulfillment, { id: fulfillmentId }, { canceled_at: now, updated_at: now });
  await tx.manager.update(Swap, { id }, { fulfillment_status: "canceled", updated_at: now });
}
