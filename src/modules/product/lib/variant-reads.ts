import { groupBy } from "kiosk/internal";
import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { MoneyAmount } from "../models/money-amount";
import { Product } from "../models/product";
import { ProductVariant } from "../models/product-variant";

/** A price of a variant as other modules read it. */
export interface CatalogPrice {
  currency_code: string;
  amount: number;
  region_id: string | null;
  min_quantity: number | null;
  max_quantity: number | null;
}

/** A variant as other modules read it (a cart's lines, an order's lines): its columns, its product and its prices. */
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

/**
 * Read part (see `JsonBatch`): adds to the caller's batch the variants picked
 * by `variantIds` (a subquery over the caller's own tables, or `sql.list(ids)`),
 * their products and their prices; the function returned gives the variants by
 * id once the batch has run. Unknown ids are left out.
 */
export function readVariantParts(batch: JsonBatch, variantIds: Sql): () => Map<string, CatalogVariant> {
  const variants = batch.rows<Omit<CatalogVariant, "product" | "prices">>(ProductVariant, sql`t."id" IN (${variantIds})`);
  const products = batch.rows<CatalogVariant["product"]>(
    Product,
    sql`t."id" IN (SELECT v."product_id" FROM "product_variant" v WHERE v."id" IN (${variantIds}))`,
  );
  const prices = batch.rows<CatalogPrice & { variant_id: string }>(MoneyAmount, sql`t."variant_id" IN (${variantIds})`);
  return () => {
    const productById = new Map(products.rows.map((p) => [p.id, p]));
    const pricesOf = groupBy(prices.rows, (p) => p.variant_id);
    return new Map(
      variants.rows.map((v) => [v.id, { ...v, product: productById.get(v.product_id)!, prices: pricesOf.get(v.id) ?? [] }]),
    );
  };
}

/** Whether a variant can be bought from the store (its product is published). */
export function isPurchasable(variant: CatalogVariant | undefined): variant is CatalogVariant {
  return !!variant && variant.product?.status === "published";
}

/** Whether stock limits how many can be bought: it is managed and backorders are not allowed. */
export function limitsStock(variant: CatalogVariant): boolean {
  return variant.manage_inventory && !variant.allow_backorder;
}
