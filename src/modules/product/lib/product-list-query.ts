import { InvalidDataError, type EntityManager } from "kiosk";
import type { ProductStatus } from "../models/product";
import { containsPattern } from "kiosk";
import { select, SqlParams } from "kiosk";

/** What a product list can be filtered by (category ids already widened to descendants). */
export interface ProductFilters {
  q?: string;
  id?: string[];
  handle?: string;
  status?: ProductStatus[];
  collection_id?: string[];
  tags?: string[];
  category_id?: string[];
  is_giftcard?: boolean;
}

export interface ProductPage {
  offset: number;
  limit: number;
  /** `title` or `-created_at`; newest first when absent, as in Medusa. */
  order?: string;
}

const ORDERABLE = new Set(["id", "title", "handle", "status", "created_at", "updated_at"]);

function orderBy(order: string | undefined): string {
  if (!order) return `p."created_at" DESC, p."id" DESC`;
  const desc = order.startsWith("-");
  const column = desc ? order.slice(1) : order;
  if (!ORDERABLE.has(column)) {
    throw new InvalidDataError(`order: cannot sort products by ${column}`, { code: "invalid_request", field: "order" });
  }
  const dir = desc ? "DESC" : "ASC";
  return column === "id" ? `p."id" ${dir}` : `p."${column}" ${dir}, p."id" ${dir}`;
}

function whereClause(filters: ProductFilters, params: SqlParams): string {
  const where: string[] = [];
  if (filters.status) where.push(params.in(`p."status"`, filters.status));
  if (filters.id) where.push(params.in(`p."id"`, filters.id));
  if (filters.handle !== undefined) where.push(`p."handle" = ${params.add(filters.handle)}`);
  if (filters.collection_id) where.push(params.in(`p."collection_id"`, filters.collection_id));
  if (filters.is_giftcard !== undefined) where.push(`p."is_giftcard" = ${params.add(filters.is_giftcard)}`);
  if (filters.q) {
    const like = (column: string) => `LOWER(${column}) LIKE ${params.add(containsPattern(filters.q!.toLowerCase()))} ESCAPE '\\'`;
    where.push(`(${like(`p."title"`)} OR ${like(`p."handle"`)} OR ${like(`COALESCE(p."description", '')`)})`);
  }
  if (filters.tags) {
    where.push(
      `EXISTS (SELECT 1 FROM "product_tags" pt WHERE pt."product_id" = p."id" AND ${params.in(`pt."product_tag_id"`, filters.tags)})`,
    );
  }
  if (filters.category_id) {
    where.push(
      `EXISTS (SELECT 1 FROM "product_category_product" pc WHERE pc."product_id" = p."id" AND ${params.in(`pc."product_category_id"`, filters.category_id)})`,
    );
  }
  return where.length ? `WHERE ${where.join(" AND ")}` : "";
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
  const params = new SqlParams(manager);
  const where = whereClause(filters, params);
  const sql =
    `SELECT p.*, COUNT(*) OVER () AS "__count" FROM "product" p ${where} ` +
    `ORDER BY ${orderBy(page.order)} LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`;
  const rows = await select(manager, sql, params);
  if (rows.length) return { rows, count: Number(rows[0].__count) };
  if (page.offset === 0) return { rows, count: 0 };
  const countParams = new SqlParams(manager);
  const countSql = `SELECT COUNT(*) AS "count" FROM "product" p ${whereClause(filters, countParams)}`;
  const [{ count }] = await select<{ count: unknown }>(manager, countSql, countParams);
  return { rows, count: Number(count) };
}
