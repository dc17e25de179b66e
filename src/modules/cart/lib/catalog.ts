import type { CatalogVariant } from "kiosk";

/**
 * The catalog as the cart needs it. Variants, products and prices belong to
 * the product module, which reads them (`productVariantService.readVariants`
 * as a read part of the cart's batch, `findVariants`), decides whether one can
 * be bought (`isPurchasable`, `limitsStock`) and moves their stock
 * (`takeStock`, `returnStock`); `CatalogVariant` is the shape it hands over.
 */
export type { CatalogVariant };

/** The short variant summary a line item shows (`item.variant`), as storefronts read it. */
export function variantSummary(variant: CatalogVariant | undefined) {
  if (!variant) return null;
  const { prices: _prices, product, ...fields } = variant;
  return {
    ...fields,
    product: product
      ? { id: product.id, title: product.title, handle: product.handle, thumbnail: product.thumbnail, discountable: product.discountable }
      : null,
  };
}
