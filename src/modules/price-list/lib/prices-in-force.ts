import type { EntityManager } from "kiosk";
import { runSql, sql, type Sql } from "kiosk/sql";
import { PriceList } from "../models/price-list";

/** A price of a price list in force, as the `priceSelection` strategy gets it. */
export interface ListPrice {
  price_list_id: string;
  type: "sale" | "override";
  variant_id: string;
  currency_code: string;
  region_id: string | null;
  amount: number;
  min_quantity: number | null;
  max_quantity: number | null;
}

export interface PricesInForceContext {
  region_id?: string;
  currency_code?: string;
  /** The customer whose groups' lists apply too; none: only lists for everyone. */
  customer_id?: string | null;
  /** When (default now). */
  at?: Date;
}

/**
 * One statement: the prices of live, active lists within their dates for these
 * variants, for the region or (not tied to a region) the currency, whose list is
 * for everyone (no groups) or for one of `groups` (a subquery of group ids).
 */
export async function pricesInForce(manager: EntityManager, variantIds: string[], context: PricesInForceContext, groups: Sql | null): Promise<Map<string, ListPrice[]>> {
  const column = manager.connection.getMetadata(PriceList).findColumnWithPropertyName("starts_at")!;
  const now = manager.connection.driver.preparePersistentValue(context.at ?? new Date(), column);
  const where: Sql[] = [];
  if (context.region_id) where.push(sql`p."region_id" = ${context.region_id}`);
  if (context.currency_code) where.push(sql`(p."region_id" IS NULL AND p."currency_code" = ${context.currency_code})`);
  const anyGroup = sql`NOT EXISTS (SELECT 1 FROM "price_list_customer_groups" g WHERE g."price_list_id" = l."id")`;
  const forGroups = groups
    ? sql`(${anyGroup} OR EXISTS (SELECT 1 FROM "price_list_customer_groups" g WHERE g."price_list_id" = l."id" AND g."customer_group_id" IN (${groups})))`
    : anyGroup;
  const rows = await runSql<ListPrice>(
    manager,
    sql`SELECT p."price_list_id", l."type", p."variant_id", p."currency_code", p."region_id", p."amount", p."min_quantity", p."max_quantity"
      FROM "price_list_price" p JOIN "price_list" l ON l."id" = p."price_list_id"
      WHERE ${sql.in(sql.raw(`p."variant_id"`), variantIds)}
        AND (${sql.join(where, " OR ")})
        AND l."deleted_at" IS NULL AND l."status" = 'active'
        AND (l."starts_at" IS NULL OR l."starts_at" <= ${now}) AND (l."ends_at" IS NULL OR l."ends_at" > ${now})
        AND ${forGroups}`,
  );
  const byVariant = new Map<string, ListPrice[]>();
  for (const row of rows) {
    const price: ListPrice = {
      ...row,
      amount: Number(row.amount),
      min_quantity: row.min_quantity === null ? null : Number(row.min_quantity),
      max_quantity: row.max_quantity === null ? null : Number(row.max_quantity),
    };
    const list = byVariant.get(price.variant_id);
    if (list) list.push(price);
    else byVariant.set(price.variant_id, [price]);
  }
  return byVariant;
}
