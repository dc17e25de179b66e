import { groupBy, JsonBatch, sql, type EntityManager, type Sql } from "kiosk";

/**
 * The catalog as the cart needs it. Variants, products and prices belong to
 * the product module; the cart reads them through the ORM by entity name
 * (`ProductVariant` with its `product` and `prices`), never importing that
 * module's files.
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

/**
 * Adds to a batch the variants picked by `variantIds` (a subquery, or
 * `sql.list(ids)`), their products and their prices; the function returned
 * gives the variants by id once the batch has run.
 */
export function addVariantParts(batch: JsonBatch, variantIds: Sql): () => Map<string, CatalogVariant> {
  const variants = batch.rows<Omit<CatalogVariant, "product" | "prices">>("ProductVariant", sql`t."id" IN (${variantIds})`);
  const products = batch.rows<CatalogVariant["product"]>(
    "Product",
    sql`t."id" IN (SELECT v."product_id" FROM "product_variant" v WHERE v."id" IN (${variantIds}))`,
  );
  const prices = batch.rows<CatalogPrice & { variant_id: string }>("MoneyAmount", sql`t."variant_id" IN (${variantIds})`);
  return () => {
    const productById = new Map(products.rows.map((p) => [p.id, p]));
    const pricesOf = groupBy(prices.rows, (p) => p.variant_id);
    return new Map(
      variants.rows.map((v) => [v.id, { ...v, product: productById.get(v.product_id)!, prices: pricesOf.get(v.id) ?? [] }]),
    );
  };
}

/** Variants by id, with their product and prices (one statement); unknown ids are left out. */
export async function findVariants(manager: EntityManager, ids: string[]): Promise<Map<string, CatalogVariant>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const batch = new JsonBatch(manager);
  const variants = addVariantParts(batch, sql.list(unique));
  await batch.run();
  return variants();
}

/** Whether a variant can be bought from the store (its product is published). */
export function isPurchasable(variant: CatalogVariant | undefined): variant is CatalogVariant {
  return !!variant && variant.product?.status === "published";
}

/** Whether stock limits how many can be bought: it is managed and backorders are not allowed. */
export function limitsStock(variant: CatalogVariant): boolean {
  return variant.manage_inventory && !variant.allow_backorder;
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
