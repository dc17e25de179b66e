import { InvalidDataError } from "kiosk";
import type { ShippingOption, ShippingRequirement } from "../models/shipping-option";

/** Whether a cart subtotal meets an option's `min_subtotal` / `max_subtotal` requirements. */
export function meetsRequirements(option: ShippingOption, subtotal: number): boolean {
  return (option.requirements ?? []).every((r) => (r.type === "min_subtotal" ? subtotal >= r.amount : subtotal <= r.amount));
}

/** Each requirement type at most once. */
export function checkRequirements(requirements: ShippingRequirement[] | undefined): void {
  if (!requirements) return;
  const types = requirements.map((r) => r.type);
  if (new Set(types).size !== types.length) {
    throw new InvalidDataError("requirements: each type may be given once", { field: "requirements" });
  }
}
