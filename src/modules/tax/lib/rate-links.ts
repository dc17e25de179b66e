import type { EntityManager } from "kiosk";
import { JsonBatch, sql } from "kiosk/sql";
import { groupBy } from "kiosk/internal";
import { ProductTaxRate } from "../models/product-tax-rate";
import { ProductTypeTaxRate } from "../models/product-type-tax-rate";
import { ShippingTaxRate } from "../models/shipping-tax-rate";
import { NO_LINKS, type RateLinks } from "./tax-rate-view";

/** The link tables of a rate, by the kind of thing they link, with the column naming it. */
export const LINKS = {
  products: { entity: ProductTaxRate, table: "product_tax_rate", column: "product_id" },
  product_types: { entity: ProductTypeTaxRate, table: "product_type_tax_rate", column: "product_type_id" },
  shipping_options: { entity: ShippingTaxRate, table: "shipping_tax_rate", column: "shipping_option_id" },
} as const;

export type LinkKind = keyof typeof LINKS;

/** The links of each rate (ids sorted), in one statement; a rate without links gets empty lists. */
export async function readRateLinks(manager: EntityManager, rateIds: string[]): Promise<Map<string, RateLinks>> {
  const out = new Map<string, RateLinks>(rateIds.map((id) => [id, { products: [], product_types: [], shipping_options: [] }]));
  if (!rateIds.length) return out;
  const batch = new JsonBatch(manager);
  const ids = sql.list(rateIds);
  const parts = (Object.keys(LINKS) as LinkKind[]).map((kind) => {
    const { table, column } = LINKS[kind];
    return [kind, column, batch.plain<Record<string, string>>(table, ["rate_id", column], sql`t."rate_id" IN (${ids})`)] as const;
  });
  await batch.run();
  for (const [kind, column, part] of parts) {
    for (const [rateId, rows] of groupBy(part.rows, (r) => r.rate_id)) {
      (out.get(rateId) ?? { ...NO_LINKS })[kind].push(...rows.map((r) => r[column]).sort());
    }
  }
  return out;
}

/** Links things to a rate, skipping links that exist (`ON CONFLICT DO NOTHING`), so two requests adding the same link cannot collide. */
export async function addLinks(manager: EntityManager, kind: LinkKind, rateId: string, ids: string[]): Promise<void> {
  const { entity, column } = LINKS[kind];
  const rows = [...new Set(ids)].map((id) => ({ rate_id: rateId, [column]: id }));
  if (rows.length) await manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().execute();
}

/** Unlinks things from a rate; ids not linked are ignored. */
export async function removeLinks(manager: EntityManager, kind: LinkKind, rateId: string, ids: string[]): Promise<void> {
  const { entity, column } = LINKS[kind];
  if (!ids.length) return;
  await manager
    .createQueryBuilder()
    .delete()
    .from(entity)
    .where(`rate_id = :rateId AND ${column} IN (:...ids)`, { rateId, ids: [...new Set(ids)] })
    .execute();
}
