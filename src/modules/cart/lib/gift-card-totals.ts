import type { Totals } from "./totals";

/**
 * The cart's totals with its gift cards, Medusa v1's rule for regions whose
 * gift cards are not taxable (Kiosk's regions have no `gift_cards_taxable`
 * flag; cards carry no tax rate): the cards pay what is left after discounts,
 * tax included, so `gift_card_total` is the smaller of their balances' sum and
 * `subtotal + shipping_total + tax_total - discount_total`;
 * `gift_card_tax_total` is 0 (no card holds a tax rate) and `total` drops by
 * the gift card total. The sum is taken card by card, up to what they pay, so
 * it never passes an amount that can be computed exactly.
 */
export function withGiftCards(totals: Totals, balances: number[]): Totals {
  const payable = Math.max(0, totals.subtotal + totals.shipping_total + totals.tax_total - totals.discount_total);
  let left = payable;
  for (const balance of balances) left -= Math.min(left, Math.max(0, balance));
  const giftCardTotal = payable - left;
  return { ...totals, gift_card_total: giftCardTotal, gift_card_tax_total: 0, total: totals.total - giftCardTotal };
}
