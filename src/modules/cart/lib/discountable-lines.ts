import type { DiscountableLine, KioskServices } from "kiosk";
import type { CatalogVariant } from "./catalog";

/**
 * The facts discount conditions read of a cart's lines: each line's product,
 * its type, collection and tags (the product module's `CatalogVariant`), and the
 * groups of the cart's customer (`customerGroupService.readGroupIds`; none for a
 * guest's cart, so a `customer_groups` condition then holds only with `not_in`).
 */
export function discountableLines(
  items: { id: string; variant_id: string | null }[],
  variants: Map<string, CatalogVariant>,
  customerGroupIds: string[],
): DiscountableLine[] {
  return items.map((item) => {
    const product = variants.get(item.variant_id ?? "")?.product;
    return {
      id: item.id,
      product_id: product?.id ?? null,
      type_id: product?.type_id ?? null,
      collection_id: product?.collection_id ?? null,
      tag_ids: product?.tag_ids ?? [],
      customer_group_ids: customerGroupIds,
    };
  });
}

/**
 * The cart's discounts as the totals take them: a discount whose rule has
 * conditions takes only from the lines they hold for (`item_ids`).
 */
export function withEligibleLines<D extends { rule: { conditions?: unknown[] } | null }>(
  cradle: KioskServices,
  discounts: D[],
  lines: DiscountableLine[],
): (D & { item_ids?: string[] })[] {
  return discounts.map((d) =>
    d.rule?.conditions?.length ? { ...d, item_ids: cradle.discountService.discountableLines(d as never, lines) } : d,
  );
}
