import { containsPattern, type EntityManager } from "kiosk";
import { groupBy, compareText } from "kiosk/internal";
import { hydrateCopies, JsonBatch, runSql, sql, type Sql } from "kiosk/sql";
import { MoneyAmount } from "../models/money-amount";
import { Product } from "../models/product";
import { ProductOptionValue } from "../models/product-option-value";
import { ProductVariant } from "../models/product-variant";

/** What a list of variants across products can be filtered by. */
export interface VariantFilters {
  id?: string[];
  /** In the variant's title or SKU, or its product's title (case-insensitive). */
  q?: string;
  /** Only variants of products with one of these statuses (the store: published). */
  statuses?: readonly string[];
  /** Only variants of these products (an id subquery: the sales-channel module's `productsIn` for a publishable key). */
  productIn?: Sql;
}

/** The statuses whose products' variants the store sees. */
export const PUBLISHED: readonly string[] = ["published"];

const byId = (a: { id: string }, b: { id: string }) => compareText(a.id, b.id);

function whereClause(filters: VariantFilters): Sql {
  const where: Sql[] = [];
  if (filters.id) where.push(sql.in(sql`v."id"`, filters.id));
  if (filters.statuses) where.push(sql.in(sql`p."status"`, filters.statuses));
  if (filters.productIn) where.push(sql`p."id" IN (${filters.productIn})`);
  if (filters.q) {
    const pattern = containsPattern(filters.q.toLowerCase());
    const like = (column: Sql) => sql`LOWER(${column}) LIKE ${pattern} ESCAPE '\\'`;
    where.push(sql`(${like(sql`v."title"`)} OR ${like(sql`COALESCE(v."sku", '')`)} OR ${like(sql`p."title"`)})`);
  }
  return where.length ? sql`WHERE ${sql.join(where, " AND ")}` : sql``;
}

/**
 * One page of variants (newest first, as Medusa lists them) and the total: one
 * query with `COUNT(*) OVER ()` (a plain count only past the end), then their
 * prices, option values and products in one batched statement.
 */
export async function listVariants(
  manager: EntityManager,
  filters: VariantFilters,
  page: { offset: number; limit: number },
): Promise<[ProductVariant[], number]> {
  const where = whereClause(filters);
  const from = sql`FROM "product_variant" v JOIN "product" p ON p."id" = v."product_id" ${where}`;
  const rows = await runSql(
    manager,
    sql`SELECT v.*, COUNT(*) OVER () AS "__count" ${from} ORDER BY v."created_at" DESC, v."id" DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  let count = rows.length ? Number(rows[0].__count) : 0;
  if (!rows.length && page.offset > 0) count = Number((await runSql<{ n: unknown }>(manager, sql`SELECT COUNT(*) AS "n" ${from}`))[0].n);
  // Copies: the page query's rows carry the `__count` column.
  return [await withRelations(manager, hydrateCopies<ProductVariant>(manager, ProductVariant, rows)), count];
}

/** One variant with its prices, option values and product, or undefined (also when its product's status is not one of `statuses`). */
export async function loadVariant(manager: EntityManager, id: string, statuses?: readonly string[], productIn?: Sql): Promise<ProductVariant | undefined> {
  const visible = statuses ? sql` AND ${sql.in(sql`p."status"`, statuses)}` : sql``;
  const inside = productIn ? sql` AND p."id" IN (${productIn})` : sql``;
  const rows = await runSql(manager, sql`SELECT v.* FROM "product_variant" v JOIN "product" p ON p."id" = v."product_id" WHERE v."id" = ${id}${visible}${inside}`);
  return (await withRelations(manager, hydrateCopies<ProductVariant>(manager, ProductVariant, rows)))[0];
}

/** Hangs each variant's prices, option values and product on it: one statement for all of them. */
async function withRelations(manager: EntityManager, variants: ProductVariant[]): Promise<ProductVariant[]> {
  if (!variants.length) return variants;
  const ids = sql.list(variants.map((v) => v.id));
  const batch = new JsonBatch(manager);
  const prices = batch.rows<MoneyAmount>(MoneyAmount, sql`t."variant_id" IN (${ids})`, { tableOrder: true });
  const values = batch.rows<ProductOptionValue>(ProductOptionValue, sql`t."variant_id" IN (${ids})`, { tableOrder: true });
  const products = batch.rows<Product>(Product, sql`t."id" IN (SELECT v."product_id" FROM "product_variant" v WHERE v."id" IN (${ids}))`);
  await batch.run();
  const pricesOf = groupBy(prices.rows.sort(byId), (p) => p.variant_id);
  const valuesOf = groupBy(values.rows.sort(byId), (v) => v.variant_id);
  const productById = new Map(products.rows.map((p) => [p.id, p]));
  for (const variant of variants) {
    variant.prices = pricesOf.get(variant.id) ?? [];
    variant.options = valuesOf.get(variant.id) ?? [];
    variant.product = productById.get(variant.product_id);
  }
  return variants;
}
