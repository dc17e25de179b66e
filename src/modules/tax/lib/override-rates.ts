import type { TaxLine } from "kiosk";
import { sql, type JsonBatch, type Sql } from "kiosk/sql";
import { groupBy } from "kiosk/internal";
import { TaxRate } from "../models/tax-rate";

/** The tax lines a region's rates give, by the id of the product, product type or shipping option they are linked to. */
export interface OverrideRates {
  products: Record<string, TaxLine[]>;
  product_types: Record<string, TaxLine[]>;
  shipping_options: Record<string, TaxLine[]>;
}

/**
 * Read part: the rates of the regions `regionIds` picks, and their links to the
 * products `productIds` picks and to any product type or shipping option (a region
 * has few of those). Behind `batch.whenAny`: the caller's statement carries one
 * `EXISTS` flag on `tax_rate.region_id`, and the parts are read, in one more
 * statement, only when the region has rates. So a store without tax rates pays an
 * index probe and no statement.
 */
export function readOverrideRates(batch: JsonBatch, regionIds: Sql, productIds: Sql): () => OverrideRates {
  const ofRegion = sql`SELECT r."id" FROM "tax_rate" r WHERE r."region_id" IN (${regionIds})`;
  return batch.whenAny(sql`SELECT 1 FROM "tax_rate" r WHERE r."region_id" IN (${regionIds})`, () => {
    const rates = batch.rows<TaxRate>(TaxRate, sql`t."region_id" IN (${regionIds})`);
    const ofRates = sql`t."rate_id" IN (${ofRegion})`;
    const products = batch.plain<{ rate_id: string; product_id: string }>("product_tax_rate", ["rate_id", "product_id"], sql`${ofRates} AND t."product_id" IN (${productIds})`);
    const types = batch.plain<{ rate_id: string; product_type_id: string }>("product_type_tax_rate", ["rate_id", "product_type_id"], ofRates);
    const options = batch.plain<{ rate_id: string; shipping_option_id: string }>("shipping_tax_rate", ["rate_id", "shipping_option_id"], ofRates);
    return () => {
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
  });
}
