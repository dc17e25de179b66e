import { InvalidDataError, UnprocessableError, type KioskServices, type TransactionContext } from "kiosk";
import { LineItem } from "../models/line-item";
import { LineItemAdjustment } from "../models/line-item-adjustment";
import { mulDivFloor } from "./amount-math";
import type { DescribedLine } from "./line-pricing";

/** What an order edit changes in its order's lines (see `lineItemService.applyOrderEdit`). */
export interface OrderLinesEdit {
  /** New quantities of the order's lines, by line id. */
  quantities: Map<string, number>;
  /** The order's lines taken off it. */
  removed: string[];
  /** New lines, each with the id it gets. */
  added: (DescribedLine & { id: string; quantity: number; metadata: Record<string, unknown> | null })[];
}

/** A discount amount a line got for `from` units, for `to` units (rounded down, exact). */
export function scaledAmount(amount: number, from: number, to: number): number {
  if (from <= 0 || to === from) return amount;
  return mulDivFloor(amount, to, from).quotient;
}

/**
 * Applies an order edit to the order's lines, inside the caller's transaction:
 * quantities changed (never below what was fulfilled: 422
 * `quantity_below_fulfilled`), lines removed (taken off the order, kept for
 * history, refused once any unit was fulfilled: 422 `item_fulfilled`), lines
 * added. Stock follows exactly once: each line's `reserved_quantity` records
 * what it holds; what a line needs more is taken, what it needs less (or a
 * removed line's) is given back, netted per variant and moved in variant id
 * order, one variant at a time, so concurrent checkouts lock variants in the
 * same order. Taking goes through `takeStock` (422 `insufficient_inventory`,
 * the caller's transaction rolls back). A changed line's discount adjustments
 * are scaled to its new quantity.
 */
export async function applyOrderEdit(cradle: KioskServices, tx: TransactionContext, orderId: string, edit: OrderLinesEdit): Promise<void> {
  const lines = await tx.manager.findBy(LineItem, { order_id: orderId });
  const byId = new Map(lines.map((l) => [l.id, l]));
  const touched = [...edit.quantities.keys(), ...edit.removed];
  const unknown = touched.find((id) => !byId.has(id));
  if (unknown) throw new InvalidDataError(`Line item ${unknown} is not part of order ${orderId}`, { code: "invalid_item", field: "items" });

  const variantIds = [...lines.map((l) => l.variant_id), ...edit.added.map((l) => l.variant_id)].filter((v): v is string => !!v);
  const variants = await cradle.productVariantService.findVariants(variantIds);
  const limited = (variantId: string | null) => {
    const variant = variantId ? variants.get(variantId) : undefined;
    return !!variant && cradle.productVariantService.limitsStock(variant);
  };
  const net = new Map<string, number>();
  const move = (variantId: string | null, quantity: number) => {
    if (variantId && quantity) net.set(variantId, (net.get(variantId) ?? 0) + quantity);
  };
  const now = new Date();

  for (const id of edit.removed) {
    const line = byId.get(id)!;
    if (line.fulfilled_quantity > 0) throw new UnprocessableError(`Line item ${id} has fulfilled units and cannot be removed`, "item_fulfilled", "items");
    move(line.variant_id, -line.reserved_quantity);
    await tx.manager.update(LineItem, { id }, { order_id: null, reserved_quantity: 0, updated_at: now });
  }
  for (const [id, quantity] of edit.quantities) {
    const line = byId.get(id)!;
    if (quantity === line.quantity) continue;
    if (quantity < line.fulfilled_quantity) {
      throw new UnprocessableError(`Line item ${id} has ${line.fulfilled_quantity} fulfilled units`, "quantity_below_fulfilled", "quantity");
    }
    let reserved = line.reserved_quantity;
    if (quantity > line.quantity && limited(line.variant_id)) reserved += quantity - line.quantity;
    if (quantity < line.quantity) reserved = Math.max(0, reserved - (line.quantity - quantity));
    move(line.variant_id, reserved - line.reserved_quantity);
    await tx.manager.update(LineItem, { id }, { quantity, reserved_quantity: reserved, updated_at: now });
    for (const adjustment of await tx.manager.findBy(LineItemAdjustment, { item_id: id })) {
      await tx.manager.update(LineItemAdjustment, { id: adjustment.id }, { amount: scaledAmount(adjustment.amount, line.quantity, quantity), updated_at: now });
    }
  }
  for (const line of edit.added) {
    const reserved = limited(line.variant_id) ? line.quantity : 0;
    move(line.variant_id, reserved);
    const row = tx.manager.create(LineItem, {
      ...line,
      cart_id: null,
      order_id: orderId,
      fulfilled_quantity: 0,
      shipped_quantity: 0,
      returned_quantity: 0,
      reserved_quantity: reserved,
    });
    await tx.manager.insert(LineItem, row as never);
  }
  for (const variantId of [...net.keys()].sort()) {
    const quantity = net.get(variantId)!;
    if (quantity > 0) await cradle.productVariantService.takeStock(new Map([[variantId, quantity]]), variants);
    if (quantity < 0) await cradle.productVariantService.returnStock(new Map([[variantId, -quantity]]));
  }
}
