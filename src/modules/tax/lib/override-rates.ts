import type { TaxLine } from "kiosk";
import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { groupBy } from "kiosk/internal";
import { TaxRate } from "../models/tax-rate";

/** The tax lines a region's rates give, by the id of the product, product type or shipping option they are linked to. */
export interface OverrideRates {
  products: Record<string, TaxLine[]>;
  product_types: Record<string, TaxLine[]>;
  shipping_options: Record<string, TaxLine[]>;
}

/**
 * Read part: the rates of the regions `regionIds` picks (one subquery in the
 * caller's statement, an index probe on `tax_rate.region_id`). The function it
 * returns gives, after `batch.run()`, the tax lines of those rates by the product
 * (among `productIds`), product type and shipping option they are linked to: read
 * in one more statement only when the region has rates, so a store without tax
 * rates pays one empty subquery and no statement.
 */
export function readOverrideRates(batch: JsonBatch, regionIds: Sql, productIds: Sql): () => Promise<OverrideRates> {
  const rates = batch.rows<TaxRate>(TaxRate, sql`t."region_id" IN (${regionIds})`);
  return async () => {
    if (!rates.rows.length) return { products: {}, product_types: {}, shipping_options: {} };
    const links = new JsonBatch(batch.manager);
    const ids = sql.list(rates.rows.map((r) => r.id));
    const ofRates = sql`t."rate_id" IN (${ids})`;
    const products = links.plain<{ rate_id: string; product_id: string }>("product_tax_rate", ["rate_id", "product_id"], sql`${ofRates} AND t."product_id" IN (${productIds})`);
    const types = links.plain<{ rate_id: string; product_type_id: string }>("product_type_tax_rate", ["rate_id", "product_type_id"], ofRates);
    const options = links.plain<{ rate_id: string; shipping_option_id: string }>("shipping_tax_rate", ["rate_id", "shipping_option_id"], ofRates);
    await links.run();
    const byId = new Map(rates.rows.map((r) => [r.id, r]));
    const lines = <R extends { rate_id: string }>(rows: R[], key: (r: R) => string): Record<string, TaxLine[]> =>
      Object.fromEntries(
        [...groupBy(rows, key)].map(([id, linked]) => [
          id,
          linked
            .map((l) => byId.get(l.rate_id))
            .filter((r): r is TaxRate => !!r)
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map((r) => ({ rate: r.rate ?? 0, name: r.name, code: r.code })),
        ]),
      );
    return {
      products: lines(products.rows, (l) => l.product_id),
      product_types: lines(types.rows, (l) => l.product_type_id),
      shipping_options: lines(options.rows, (l) => l.shipping_option_id),
    };
  };
}
