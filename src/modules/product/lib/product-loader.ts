import type { EntityManager } from "kiosk";
import { Image } from "../models/image";
import { MoneyAmount } from "../models/money-amount";
import { Product } from "../models/product";
import { ProductCategory } from "../models/product-category";
import { ProductCollection } from "../models/product-collection";
import { ProductOption } from "../models/product-option";
import { ProductOptionValue } from "../models/product-option-value";
import { ProductTag } from "../models/product-tag";
import { ProductVariant } from "../models/product-variant";
import type { CategoryScope } from "./category-tree";
import { groupBy, hydrateAll, hydrateCopies, runSql, sql, type Sql } from "kiosk";
import type { ProductSelection } from "./product-relations";

type Row = Record<string, unknown>;

/** `SELECT * FROM <table> WHERE <column> IN <ids> ORDER BY …`, hydrated as `entity`. */
async function rowsIn<T>(manager: EntityManager, entity: Function, table: string, column: string, ids: string[], order: Sql): Promise<T[]> {
  const rows = await runSql(manager, sql`SELECT * FROM ${sql.id(table)} WHERE ${sql.in(sql.id(column), ids)} ORDER BY ${order}`);
  return hydrateAll<T>(manager, entity, rows);
}

/** A many-to-many relation of products: the target table and the join table. */
interface LinkedTable {
  entity: Function;
  table: string;
  join: string;
  joinColumn: string;
  order: Sql;
}

const TAGS: LinkedTable = { entity: ProductTag, table: "product_tag", join: "product_tags", joinColumn: "product_tag_id", order: sql`t."id"` };
const CATEGORIES: LinkedTable = {
  entity: ProductCategory,
  table: "product_category",
  join: "product_category_product",
  joinColumn: "product_category_id",
  order: sql`t."rank", t."id"`,
};

/** Rows of a many-to-many target with the product id they belong to, as `[productId, entity]`. */
async function linked<T>(manager: EntityManager, target: LinkedTable, productIds: string[], storeOnly = false) {
  const { entity, table, join, joinColumn, order } = target;
  let where = sql.in(sql`j."product_id"`, productIds);
  if (storeOnly) where = sql`${where} AND t."is_active" = ${true} AND t."is_internal" = ${false}`;
  const rows = await runSql(
    manager,
    sql`SELECT j."product_id" AS "__product_id", t.* FROM ${sql.id(join)} j JOIN ${sql.id(table)} t ON t."id" = ${sql.id("j", joinColumn)} WHERE ${where} ORDER BY ${order}`,
  );
  const entities = hydrateCopies<T>(manager, entity, rows);
  return rows.map((r, i) => [r.__product_id as string, entities[i]] as const);
}

/**
 * Products with their relations, loaded the way a list needs them: one batched
 * query per relation over all the page's products (no per-product queries, no
 * cartesian joins), assembled in memory. The queries run one after another: they
 * share the transaction's connection. The store sees active, public categories only.
 */
export async function loadProducts(
  manager: EntityManager,
  rows: Row[],
  selection: ProductSelection,
  categoryScope: CategoryScope = "admin",
): Promise<Product[]> {
  // Copies: the page query's rows carry the `__count` column.
  const products = hydrateCopies<Product>(manager, Product, rows);
  if (!products.length) return products;
  const ids = products.map((p) => p.id);
  const has = (r: Parameters<typeof selection.relations.has>[0]) => selection.relations.has(r);

  const variants = has("variants")
    ? await rowsIn<ProductVariant>(manager, ProductVariant, "product_variant", "product_id", ids, sql`"variant_rank", "id"`)
    : undefined;
  const variantIds = variants?.map((v) => v.id) ?? [];
  const prices =
    has("variants.prices") && variantIds.length
      ? await rowsIn<MoneyAmount>(manager, MoneyAmount, "money_amount", "variant_id", variantIds, sql`"id"`)
      : [];
  const options = has("options") ? await rowsIn<ProductOption>(manager, ProductOption, "product_option", "product_id", ids, sql`"id"`) : undefined;
  let values: ProductOptionValue[] = [];
  if (has("options.values") && options?.length) {
    const optionIds = options.map((o) => o.id);
    values = await rowsIn<ProductOptionValue>(manager, ProductOptionValue, "product_option_value", "option_id", optionIds, sql`"id"`);
  } else if (has("variants.options") && variantIds.length) {
    values = await rowsIn<ProductOptionValue>(manager, ProductOptionValue, "product_option_value", "variant_id", variantIds, sql`"id"`);
  }
  const images = has("images") ? await rowsIn<Image>(manager, Image, "image", "product_id", ids, sql`"rank", "id"`) : undefined;
  const tags = has("tags") ? await linked<ProductTag>(manager, TAGS, ids) : undefined;
  const collectionIds = [...new Set(products.map((p) => p.collection_id).filter((c): c is string => !!c))];
  const collections =
    has("collection") && collectionIds.length
      ? await rowsIn<ProductCollection>(manager, ProductCollection, "product_collection", "id", collectionIds, sql`"id"`)
      : [];
  const categories = has("categories")
    ? await linked<ProductCategory>(manager, CATEGORIES, ids, categoryScope === "store")
    : undefined;

  if (variants) {
    const pricesByVariant = groupBy(prices, (p) => p.variant_id);
    const valuesByVariant = groupBy(values, (v) => v.variant_id);
    for (const variant of variants) {
      if (has("variants.prices")) variant.prices = pricesByVariant.get(variant.id) ?? [];
      if (has("variants.options")) variant.options = valuesByVariant.get(variant.id) ?? [];
    }
  }
  if (options && has("options.values")) {
    const valuesByOption = groupBy(values, (v) => v.option_id);
    for (const option of options) option.values = valuesByOption.get(option.id) ?? [];
  }
  const variantsByProduct = variants && groupBy(variants, (v) => v.product_id);
  const optionsByProduct = options && groupBy(options, (o) => o.product_id);
  const imagesByProduct = images && groupBy(images, (i) => i.product_id);
  const tagsByProduct = tags && groupBy(tags, ([pid]) => pid);
  const categoriesByProduct = categories && groupBy(categories, ([pid]) => pid);
  const collectionById = new Map(collections.map((c) => [c.id, c]));

  for (const product of products) {
    if (variantsByProduct) product.variants = variantsByProduct.get(product.id) ?? [];
    if (optionsByProduct) product.options = optionsByProduct.get(product.id) ?? [];
    if (imagesByProduct) product.images = imagesByProduct.get(product.id) ?? [];
    if (tagsByProduct) product.tags = (tagsByProduct.get(product.id) ?? []).map(([, t]) => t);
    if (categoriesByProduct) product.categories = (categoriesByProduct.get(product.id) ?? []).map(([, c]) => c);
    if (has("collection")) product.collection = product.collection_id ? (collectionById.get(product.collection_id) ?? null) : null;
  }
  return products;
}

/** A product shown with only the chosen columns (and its loaded relations). */
export function pickFields(product: Product, fields: string[] | undefined): Product {
  if (!fields) return product;
  const out: Row = {};
  for (const f of fields) out[f] = (product as unknown as Row)[f];
  for (const r of ["variants", "options", "images", "tags", "collection", "categories"]) {
    if (r in product) out[r] = (product as unknown as Row)[r];
  }
  return out as unknown as Product;
}

/** One product by id with the chosen relations, or undefined. */
export async function loadProduct(manager: EntityManager, id: string, selection: ProductSelection): Promise<Product | undefined> {
  const rows = await runSql(manager, sql`SELECT * FROM "product" WHERE "id" = ${id}`);
  return (await loadProducts(manager, rows, selection))[0];
}
