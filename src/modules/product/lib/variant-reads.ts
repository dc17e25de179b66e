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
    type_id: string | null;
    collection_id: string | null;
    /** The ids of the product's tags (what discount conditions read). */
    tag_ids: string[];
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
  const productIds = sql`SELECT v."product_id" FROM "product_variant" v WHERE v."id" IN (${variantIds})`;
  const products = batch.rows<Omit<CatalogVariant["product"], "tag_ids">>(Product, sql`t."id" IN (${productIds})`);
  const tags = batch.plain<{ product_id: string; product_tag_id: string }>("product_tags", ["product_id", "product_tag_id"], sql`t."product_id" IN (${productIds})`);
  const prices = batch.rows<CatalogPrice & { variant_id: string }>(MoneyAmount, sql`t."variant_id" IN (${variantIds})`);
  return () => {
    const tagsOf = groupBy(tags.rows, (t) => t.product_id);
    const productById = new Map(products.rows.map((p) => [p.id, { ...p, tag_ids: (tagsOf.get(p.id) ?? []).map((t) => t.product_tag_id).sort() }]));
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
