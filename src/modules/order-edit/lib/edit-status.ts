import { UnprocessableError } from "kiosk";
import type { OrderEdit } from "../models/order-edit";

export type OrderEditStatus = "created" | "requested" | "confirmed" | "declined" | "canceled";

type Stamps = Pick<OrderEdit, "requested_at" | "confirmed_at" | "declined_at" | "canceled_at">;

/** An edit's status, derived from its timestamps as Medusa v1 does (the later steps win). */
export function editStatus(edit: Stamps): OrderEditStatus {
  if (edit.canceled_at) return "canceled";
  if (edit.confirmed_at) return "confirmed";
  if (edit.declined_at) return "declined";
  if (edit.requested_at) return "requested";
  return "created";
}

/** Whether the edit may still change (created or requested). */
export function isActive(edit: Stamps): boolean {
  const status = editStatus(edit);
  return status === "created" || status === "requested";
}

/**
 * Refuses to change an edit that is confirmed, declined or canceled: 422
 * `order_edit_confirmed` for a confirmed one, `order_edit_not_active` otherwise.
 */
export function assertActive(edit: OrderEdit, action: string): void {
  const status = editStatus(edit);
  if (status === "confirmed") throw new UnprocessableError(`Cannot ${action}: order edit ${edit.id} is confirmed`, "order_edit_confirmed");
  if (!isActive(edit)) throw new UnprocessableError(`Cannot ${action}: order edit ${edit.id} is ${status}`, "order_edit_not_active");
}
