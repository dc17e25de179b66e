import type { EntityManager } from "kiosk";
import { Image } from "../models/image";
import { MoneyAmount } from "../models/money-amount";
import { Product } from "../models/product";
import { ProductCategory } from "../models/product-category";
import { ProductCollection } from "../models/product-collection";
import { ProductOption } from "../models/product-option";
import { ProductOptionValue } from "../models/product-option-value";
import { ProductTag } from "../models/product-tag";
import { ProductType } from "../models/product-type";
import { ProductVariant } from "../models/product-variant";
import type { CategoryScope } from "./category-tree";
import { compareText, groupBy } from "kiosk/internal";
import { hydrateCopies, JsonBatch, sql, type Sql } from "kiosk/sql";
import type { ProductRelation, ProductSelection } from "./product-relations";

type Row = Record<string, unknown>;

/**
 * The relations' rows keep the keys a `SELECT *` gave them, in table order (tags
 * and categories, which were copies, keep the entity's): the JSON does not change.
 */
const stored = { tableOrder: true };

const byId = (a: { id: string }, b: { id: string }) => compareText(a.id, b.id);
const byRank = (a: { rank: number; id: string }, b: { rank: number; id: string }) => a.rank - b.rank || compareText(a.id, b.id);
const byVariantRank = (a: ProductVariant, b: ProductVariant) => a.variant_rank - b.variant_rank || compareText(a.id, b.id);

/**
 * Adds a many-to-many relation of the products to the batch: the rows of the
 * link table `join` and those of `entity` they point to (and `filter` lets
 * through). Once the batch has run, the function returned gives each product's
 * rows in `order`; links to rows not read are left out.
 */
function addLinked<T extends { id: string }>(batch: JsonBatch, entity: Function, join: string, column: string, productIds: Sql, filter?: Sql) {
  const links = batch.plain<Row>(join, ["product_id", column], sql`t."product_id" IN (${productIds})`);
  const linked = sql`t."id" IN (SELECT j.${sql.id(column)} FROM ${sql.id(join)} j WHERE j."product_id" IN (${productIds}))`;
  const targets = batch.rows<T>(entity, filter ? sql`${linked} AND ${filter}` : linked);
  return (order: (a: T, b: T) => number): Map<string, T[]> => {
    const productsOf = groupBy(links.rows, (l) => l[column] as string);
    const out = new Map<string, T[]>();
    for (const target of targets.rows.sort(order)) {
      for (const link of productsOf.get(target.id) ?? []) {
        const productId = link.product_id as string;
        const list = out.get(productId);
        if (list) list.push(target);
        else out.set(productId, [target]);
      }
    }
    return out;
  };
}

/**
 * Adds to a batch the relations `selection` asks for of the products `productIds`
 * (an `sql` list or subquery) and of their collections and types
 * (`linked.collectionIds`, `linked.typeIds`, likewise; none when undefined;
 * deleted types are left out). Once the batch has run, the function returned
 * hangs them on the products, sorted (text in code-unit order, `compareText`, which for ids
 * is the databases' C / binary collation). The store sees active, public categories only.
 */
function addRelations(
  batch: JsonBatch,
  productIds: Sql,
  linked: { collectionIds?: Sql; typeIds?: Sql },
  selection: ProductSelection,
  categoryScope: CategoryScope,
): (products: Product[]) => Product[] {
  // A nested relation counts with its parent only.
  const has = (r: ProductRelation) => selection.relations.has(r) && selection.relations.has(r.split(".")[0] as ProductRelation);
  const ofProducts = sql`t."product_id" IN (${productIds})`;
  const ofVariants = sql`t."variant_id" IN (SELECT v."id" FROM "product_variant" v WHERE v."product_id" IN (${productIds}))`;
  const ofOptions = sql`t."option_id" IN (SELECT o."id" FROM "product_option" o WHERE o."product_id" IN (${productIds}))`;

  const variantRows = has("variants") ? batch.rows<ProductVariant>(ProductVariant, ofProducts, stored) : undefined;
  const priceRows = has("variants.prices") ? batch.rows<MoneyAmount>(MoneyAmount, ofVariants, stored) : undefined;
  const optionRows = has("options") ? batch.rows<ProductOption>(ProductOption, ofProducts, stored) : undefined;
  const valueRows = has("options.values")
    ? batch.rows<ProductOptionValue>(ProductOptionValue, ofOptions, stored)
    : has("variants.options")
      ? batch.rows<ProductOptionValue>(ProductOptionValue, ofVariants, stored)
      : undefined;
  const imageRows = has("images") ? batch.rows<Image>(Image, ofProducts, stored) : undefined;
  const tagsOf = has("tags") ? addLinked<ProductTag>(batch, ProductTag, "product_tags", "product_tag_id", productIds) : undefined;
  const { collectionIds, typeIds } = linked;
  const collectionRows =
    has("collection") && collectionIds ? batch.rows<ProductCollection>(ProductCollection, sql`t."id" IN (${collectionIds})`, stored) : undefined;
  const typeRows =
    has("type") && typeIds ? batch.rows<ProductType>(ProductType, sql`t."id" IN (${typeIds}) AND t."deleted_at" IS NULL`, stored) : undefined;
  const storeScope = categoryScope === "store" ? sql`t."is_active" = ${true} AND t."is_internal" = ${false}` : undefined;
  const categoriesOf = has("categories")
    ? addLinked<ProductCategory>(batch, ProductCategory, "product_category_product", "product_category_id", productIds, storeScope)
    : undefined;

  return (products) => {
    const variants = variantRows?.rows.sort(byVariantRank);
    const values = valueRows?.rows.sort(byId) ?? [];
    if (variants) {
      const pricesByVariant = groupBy(priceRows?.rows.sort(byId) ?? [], (p) => p.variant_id);
      const valuesByVariant = groupBy(values, (v) => v.variant_id);
      for (const variant of variants) {
        if (has("variants.prices")) variant.prices = pricesByVariant.get(variant.id) ?? [];
        if (has("variants.options")) variant.options = valuesByVariant.get(variant.id) ?? [];
      }
    }
    const options = optionRows?.rows.sort(byId);
    if (options && has("options.values")) {
      const valuesByOption = groupBy(values, (v) => v.option_id);
      for (const option of options) option.values = valuesByOption.get(option.id) ?? [];
    }
    const variantsByProduct = variants && groupBy(variants, (v) => v.product_id);
    const optionsByProduct = options && groupBy(options, (o) => o.product_id);
    const imagesByProduct = imageRows && groupBy(imageRows.rows.sort(byRank), (i) => i.product_id);
    const tagsByProduct = tagsOf?.(byId);
    const categoriesByProduct = categoriesOf?.(byRank);
    const collectionById = new Map((collectionRows?.rows ?? []).map((c) => [c.id, c]));
    const typeById = new Map((typeRows?.rows ?? []).map((t) => [t.id, t]));

    for (const product of products) {
      if (variantsByProduct) product.variants = variantsByProduct.get(product.id) ?? [];
      if (optionsByProduct) product.options = optionsByProduct.get(product.id) ?? [];
      if (imagesByProduct) product.images = imagesByProduct.get(product.id) ?? [];
      if (tagsByProduct) product.tags = tagsByProduct.get(product.id) ?? [];
      if (categoriesByProduct) product.categories = categoriesByProduct.get(product.id) ?? [];
      if (has("collection")) product.collection = product.collection_id ? (collectionById.get(product.collection_id) ?? null) : null;
      if (has("type")) product.type = product.type_id ? (typeById.get(product.type_id) ?? null) : null;
    }
    return products;
  };
}

/**
 * Products with their relations, loaded the way a list needs them: every
 * relation of the page's products in ONE statement (a `JsonBatch`, one part per
 * table: no per-product queries, no cartesian joins), assembled in memory.
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
  const idsOf = (column: "collection_id" | "type_id") => {
    const ids = [...new Set(products.map((p) => p[column]).filter((c): c is string => !!c))];
    return ids.length ? sql.list(ids) : undefined;
  };
  const batch = new JsonBatch(manager);
  const productIds = sql.list(products.map((p) => p.id));
  const attach = addRelations(batch, productIds, { collectionIds: idsOf("collection_id"), typeIds: idsOf("type_id") }, selection, categoryScope);
  await batch.run();
  return attach(products);
}

/** A product shown with only the chosen columns (and its loaded relations). */
export function pickFields(product: Product, fields: string[] | undefined): Product {
  if (!fields) return product;
  const out: Row = {};
  for (const f of fields) out[f] = (product as unknown as Row)[f];
  for (const r of ["variants", "options", "images", "tags", "collection", "categories", "type", "sales_channels"]) {
    if (r in product) out[r] = (product as unknown as Row)[r];
  }
  return out as unknown as Product;
}

/**
 * One product by id with the chosen relations, or undefined (also when its
 * status is not one of `scope.statuses`): the product and its relations in ONE
 * statement.
 */
export async function loadProduct(
  manager: EntityManager,
  id: string,
  selection: ProductSelection,
  scope: { statuses?: readonly string[]; categories?: CategoryScope; in?: Sql } = {},
): Promise<Product | undefined> {
  const batch = new JsonBatch(manager);
  const visible = scope.statuses ? sql` AND ${sql.in(sql`t."status"`, scope.statuses)}` : sql``;
  const inside = scope.in ? sql` AND t."id" IN (${scope.in})` : sql``;
  const products = batch.rows<Product>(Product, sql`t."id" = ${id}${visible}${inside}`);
  const of = (column: string) => sql`SELECT p.${sql.id(column)} FROM "product" p WHERE p."id" = ${id}`;
  const attach = addRelations(batch, sql`${id}`, { collectionIds: of("collection_id"), typeIds: of("type_id") }, selection, scope.categories ?? "admin");
  await batch.run();
  return attach(products.rows)[0];
}
