import { byCreation } from "kiosk/internal";
import type { Return } from "../models/return";
import type { ReturnItem } from "../models/return-item";
import type { ReturnReasonRow } from "./return-reason-view";

export type ReturnItemView = Omit<ReturnItem, "return" | "reason"> & { reason: ReturnReasonRow | null };

/** Medusa v1's return: its columns, its items (each with its reason) and its shipping method. */
export type ReturnView = Omit<Return, "items"> & {
  object: "return";
  items: ReturnItemView[];
  shipping_method: { shipping_option_id: string; price: number; return_id: string; data: Record<string, unknown> } | null;
  location_id: null;
  idempotency_key: null;
};

/** The API object of a return, given its items and the reasons they name (by id). */
export function returnView(ret: Return, items: ReturnItem[], reasons: Map<string, ReturnReasonRow>): ReturnView {
  const { items: _items, ...columns } = ret;
  return {
    object: "return",
    ...columns,
    items: [...items].sort(byCreation).map((i) => ({ ...i, reason: i.reason_id ? (reasons.get(i.reason_id) ?? null) : null })),
    shipping_method: ret.shipping_option_id
      ? { shipping_option_id: ret.shipping_option_id, price: ret.shipping_price ?? 0, return_id: ret.id, data: ret.shipping_data ?? {} }
      : null,
    location_id: null,
    idempotency_key: null,
  };
}

/** Whether a return still holds its units back from being returned again (requested, not yet received or canceled). */
export function isOpen(ret: Pick<Return, "status">): boolean {
  return ret.status === "requested" || ret.status === "requires_action";
}
