/** What the combination rule reads of a discount: its id and its rule's type. */
export interface Combinable {
  id: string;
  rule?: { type: string };
}

/**
 * Which discounts can be combined on one cart: one amount discount (percentage
 * or fixed) and one free shipping discount. A new discount replaces those of
 * `current` of its kind; returns their ids.
 */
export function replacedBy(added: Combinable, current: Combinable[]): string[] {
  const freeShipping = added.rule?.type === "free_shipping";
  return current.filter((d) => (d.rule?.type === "free_shipping") === freeShipping).map((d) => d.id);
}
