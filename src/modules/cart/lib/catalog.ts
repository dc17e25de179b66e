import { groupBy, JsonBatch, type EntityManager } from "kiosk";

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

/** The catalog rows variants are assembled from (see `addVariantParts`). */
export interface VariantParts {
  variants: Omit<CatalogVariant, "product" | "prices">[];
  products: CatalogVariant["product"][];
  prices: (CatalogPrice & { variant_id: string })[];
}

/**
 * Adds to a batch the variants picked by `variantIds` (a subquery, or a list
 * made with the batch's params), their products and their prices, under the
 * keys `variants`, `products` and `prices`.
 */
export function addVariantParts(batch: JsonBatch, variantIds: () => string): JsonBatch {
  return batch
    .rows("variants", "ProductVariant", `t."id" IN (${variantIds()})`)
    .rows("products", "Product", `t."id" IN (SELECT v."product_id" FROM "product_variant" v WHERE v."id" IN (${variantIds()}))`)
    .rows("prices", "MoneyAmount", `t."variant_id" IN (${variantIds()})`);
}

/** Variants by id with their product and prices, from the rows `addVariantParts` read. */
export function assembleVariants({ variants, products, prices }: VariantParts): Map<string, CatalogVariant> {
  const productById = new Map(products.map((p) => [p.id, p]));
  const pricesOf = groupBy(prices, (p) => p.variant_id);
  return new Map(
    variants.map((v) => [v.id, { ...v, product: productById.get(v.product_id)!, prices: pricesOf.get(v.id) ?? [] }]),
  );
}

/** Variants by id, with their product and prices (one statement); unknown ids are left out. */
export async function findVariants(manager: EntityManager, ids: string[]): Promise<Map<string, CatalogVariant>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const batch = new JsonBatch(manager);
  const list = () => batch.params.list(unique);
  return assembleVariants(await addVariantParts(batch, list).run<VariantParts>());
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
