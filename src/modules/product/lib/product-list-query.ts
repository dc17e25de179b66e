import { InvalidDataError, type EntityManager } from "kiosk";
import type { ProductStatus } from "../models/product";
import { containsPattern } from "kiosk";
import { runSql, sql, type Sql } from "kiosk/sql";

/** What a product list can be filtered by (category ids already widened to descendants). */
export interface ProductFilters {
  q?: string;
  id?: string[];
  handle?: string;
  status?: ProductStatus[];
  collection_id?: string[];
  type_id?: string[];
  tags?: string[];
  category_id?: string[];
  is_giftcard?: boolean;
  /** Subqueries of product ids (the sales-channel module's `productsIn`): a product must be in each. */
  in?: Sql[];
  /** Indexed custom fields, each an equality (`{ brand: "acme" }`). */
  custom?: Record<string, unknown>;
}

export interface ProductPage {
  offset: number;
  limit: number;
  /** `title` or `-created_at`; newest first when absent, as in Medusa. */
  order?: string;
}

const ORDERABLE = new Set(["id", "title", "handle", "status", "created_at", "updated_at"]);

function orderBy(order: string | undefined): Sql {
  if (!order) return sql`p."created_at" DESC, p."id" DESC`;
  const desc = order.startsWith("-");
  const column = desc ? order.slice(1) : order;
  if (!ORDERABLE.has(column)) {
    throw new InvalidDataError(`order: cannot sort products by ${column}`, { code: "invalid_request", field: "order" });
  }
  const dir = sql.raw(desc ? "DESC" : "ASC");
  return column === "id" ? sql`p."id" ${dir}` : sql`${sql.id("p", column)} ${dir}, p."id" ${dir}`;
}

function whereClause(filters: ProductFilters): Sql {
  const where: Sql[] = [];
  if (filters.status) where.push(sql.in(sql`p."status"`, filters.status));
  if (filters.id) where.push(sql.in(sql`p."id"`, filters.id));
  if (filters.handle !== undefined) where.push(sql`p."handle" = ${filters.handle}`);
  if (filters.collection_id) where.push(sql.in(sql`p."collection_id"`, filters.collection_id));
  if (filters.type_id) where.push(sql.in(sql`p."type_id"`, filters.type_id));
  for (const ids of filters.in ?? []) where.push(sql`p."id" IN (${ids})`);
  if (filters.is_giftcard !== undefined) where.push(sql`p."is_giftcard" = ${filters.is_giftcard}`);
  for (const [column, value] of Object.entries(filters.custom ?? {})) where.push(sql`${sql.id("p", column)} = ${value}`);
  if (filters.q) {
    const pattern = containsPattern(filters.q.toLowerCase());
    const like = (column: Sql) => sql`LOWER(${column}) LIKE ${pattern} ESCAPE '\\'`;
    where.push(sql`(${like(sql`p."title"`)} OR ${like(sql`p."handle"`)} OR ${like(sql`COALESCE(p."description", '')`)})`);
  }
  if (filters.tags) {
    where.push(
      sql`EXISTS (SELECT 1 FROM "product_tags" pt WHERE pt."product_id" = p."id" AND ${sql.in(sql`pt."product_tag_id"`, filters.tags)})`,
    );
  }
  if (filters.category_id) {
    where.push(
      sql`EXISTS (SELECT 1 FROM "product_category_product" pc WHERE pc."product_id" = p."id" AND ${sql.in(sql`pc."product_category_id"`, filters.category_id)})`,
    );
  }
  return where.length ? sql`WHERE ${sql.join(where, " AND ")}` : sql``;
}

/**
 * One page of product rows and the total: a single query with `COUNT(*) OVER ()`,
 * and a plain count only when the page is past the end.
 */
export async function selectProductPage(
  manager: EntityManager,
  filters: ProductFilters,
  page: ProductPage,
): Promise<{ rows: Record<string, unknown>[]; count: number }> {
  const where = whereClause(filters);
  const rows = await runSql(
    manager,
    sql`SELECT p.*, COUNT(*) OVER () AS "__count" FROM "product" p ${where} ORDER BY ${orderBy(page.order)} LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  if (rows.length) return { rows, count: Number(rows[0].__count) };
  if (page.offset === 0) return { rows, count: 0 };
  const [{ count }] = await runSql<{ count: unknown }>(manager, sql`SELECT COUNT(*) AS "count" FROM "product" p ${where}`);
  return { rows, count: Number(count) };
}
