import type { JsonBatch, Sql } from "kiosk";

/**
 * The catalog as the cart needs it. Variants, products and prices belong to
 * the product module, which reads them (`productVariantService.readVariants`
 * as a read part of the cart's batch, `findVariants`), decides whether one can
 * be bought (`isPurchasable`, `limitsStock`) and moves their stock
 * (`takeStock`, `returnStock`); this is the shape the cart gets.
 */
export interface CatalogPrice {
  currency_code: string;
  amount: number;
  region_id: string | null;
  min_quantity: number | null;
  max_quantity: number | null;
}

export interface CatalogVariant {
  id: string;
  title: string;
  sku: string | null;
  product_id: string;
  inventory_quantity: number;
  manage_inventory: boolean;
  allow_backorder: boolean;
  prices: CatalogPrice[];
  product: {
    id: string;
    title: string;
    handle: string;
    description: string | null;
    thumbnail: string | null;
    status: string;
    discountable: boolean;
    is_giftcard: boolean;
  };
}

/** What the cart module asks of the product module's `productVariantService`. */
export interface VariantReads {
  readVariants(batch: JsonBatch, variantIds: Sql): () => Map<string, CatalogVariant>;
  findVariants(ids: string[]): Promise<Map<string, CatalogVariant>>;
  isPurchasable(variant: CatalogVariant | undefined): variant is CatalogVariant;
  limitsStock(variant: CatalogVariant): boolean;
  takeStock(demand: Map<string, number>, variants: Map<string, CatalogVariant>): Promise<Map<string, number>>;
  returnStock(quantities: Map<string, number>): Promise<void>;
}

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
