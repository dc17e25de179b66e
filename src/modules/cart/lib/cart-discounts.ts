import type { DiscountView, KioskServices, TransactionContext } from "kiosk";
import { Cart } from "../models/cart";
import { rowsWhereIn } from "kiosk/sql";
import { LineItem } from "../models/line-item";
import { cartDiscounts, customerGroupIds } from "./cart-relations";
import { discountableLines } from "./discountable-lines";

/**
 * Applies a code: it must exist (404) and be usable now in the cart's region
 * (422 with the reason); it replaces the discounts it cannot be combined
 * with (the discount module's rule, `discountService.replacedBy`). A code
 * with conditions must hold for one of the cart's lines (400
 * `discount_not_valid_for_items`).
 */
export async function attachDiscount(cradle: KioskServices, tx: TransactionContext, cart: Cart, code: string): Promise<void> {
  const discount = await cradle.discountService.retrieveByCode(code);
  cradle.discountService.assertApplicable(discount, cart.region_id);
  if (discount.rule.conditions.length) {
    const items = (await rowsWhereIn<LineItem>(tx.manager, LineItem, "cart_id", [cart.id])).filter((i) => i.allow_discounts);
    const variants = await cradle.productVariantService.findVariants(items.map((i) => i.variant_id ?? ""));
    const groups = await customerGroupIds(cradle, tx.manager, cart.customer_id);
    cradle.discountService.assertValidForLines(discount, discountableLines(items, variants, groups));
  }
  const current = (await cartDiscounts(cradle, tx.manager, cart.id)) as unknown as DiscountView[];
  if (current.some((d) => d.id === discount.id)) return;
  const replaced = cradle.discountService.replacedBy(discount, current);
  const relation = tx.manager.createQueryBuilder().relation(Cart, "discounts").of(cart.id);
  if (replaced.length) await relation.remove(replaced);
  await relation.add(discount.id);
}

/** Replaces the cart's codes with these (each applied as `attachDiscount` does). */
export async function replaceDiscounts(cradle: KioskServices, tx: TransactionContext, cart: Cart, codes: { code: string }[]): Promise<void> {
  const current = (await cartDiscounts(cradle, tx.manager, cart.id)).map((d) => d.id);
  await tx.manager.createQueryBuilder().relation(Cart, "discounts").of(cart.id).remove(current);
  for (const { code } of codes) await attachDiscount(cradle, tx, cart, code);
}

/** Takes a code off the cart (nothing happens when it was not on it). */
export async function detachDiscount(cradle: KioskServices, tx: TransactionContext, cart: Cart, code: string): Promise<void> {
  const found = (await cartDiscounts(cradle, tx.manager, cart.id)).filter((d: { code: string }) => d.code === code.trim().toUpperCase());
  if (found.length) await tx.manager.createQueryBuilder().relation(Cart, "discounts").of(cart.id).remove(found.map((d) => d.id));
}
