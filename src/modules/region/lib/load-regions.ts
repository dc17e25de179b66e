import type { EntityManager } from "kiosk";
import { byCreation, compareText, groupBy } from "kiosk/internal";
import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { Country } from "../models/country";
import { Currency } from "../models/currency";
import { Region } from "../models/region";

/**
 * Read part (see `JsonBatch`): adds to the caller's batch the regions picked by
 * `regionIds` (a subquery over the caller's own tables, such as
 * `sql\`SELECT "region_id" FROM "order" WHERE "id" IN (${ids})\``, or
 * `sql.list(ids)`) with their countries (by ISO code) and currency. The
 * function returned gives the regions, oldest first, once the batch has run.
 */
export function readRegionParts(batch: JsonBatch, regionIds: Sql): () => Region[] {
  const regionRows = batch.rows<Region>(Region, sql`t."id" IN (${regionIds})`);
  const countryRows = batch.rows<Country>(Country, sql`t."region_id" IN (${regionIds})`);
  const currencyRows = batch.rows<Currency>(Currency, sql`t."code" IN (SELECT "currency_code" FROM "region" WHERE "id" IN (${regionIds}))`);
  return () => {
    const [regions, countries, currencies] = [regionRows.rows, countryRows.rows, currencyRows.rows];
    const countriesOf = groupBy(
      countries.sort((a, b) => compareText(a.iso_2, b.iso_2)),
      (c) => c.region_id,
    );
    const currency = new Map(currencies.map((c) => [c.code, c]));
    return regions
      .map((region) => Object.assign(region, { countries: countriesOf.get(region.id) ?? [], currency: currency.get(region.currency_code) }))
      .sort(byCreation);
  };
}

/**
 * Regions by id with their countries (by ISO code) and currency, in one
 * statement (a cart reads its region on every request). Unknown ids are left
 * out; regions come oldest first.
 */
export async function loadRegions(manager: EntityManager, ids: string[]): Promise<Region[]> {
  if (!ids.length) return [];
  const batch = new JsonBatch(manager);
  const regions = readRegionParts(batch, sql.list(ids));
  await batch.run();
  return regions();
}
