import { byCreation, compareText, groupBy, JsonBatch, sql, type EntityManager } from "kiosk";
import { Country } from "../models/country";
import { Currency } from "../models/currency";
import { Region } from "../models/region";

/**
 * Regions by id with their countries (by ISO code) and currency, in one
 * statement (a cart reads its region on every request). Unknown ids are left
 * out; regions come oldest first.
 */
export async function loadRegions(manager: EntityManager, ids: string[]): Promise<Region[]> {
  if (!ids.length) return [];
  const batch = new JsonBatch(manager);
  const regionIds = sql.list(ids);
  const regionRows = batch.rows<Region>(Region, sql`t."id" IN (${regionIds})`);
  const countryRows = batch.rows<Country>(Country, sql`t."region_id" IN (${regionIds})`);
  const currencyRows = batch.rows<Currency>(Currency, sql`t."code" IN (SELECT "currency_code" FROM "region" WHERE "id" IN (${regionIds}))`);
  await batch.run();
  const [regions, countries, currencies] = [regionRows.rows, countryRows.rows, currencyRows.rows];
  const countriesOf = groupBy(
    countries.sort((a, b) => compareText(a.iso_2, b.iso_2)),
    (c) => c.region_id,
  );
  const currency = new Map(currencies.map((c) => [c.code, c]));
  return regions
    .map((region) => Object.assign(region, { countries: countriesOf.get(region.id) ?? [], currency: currency.get(region.currency_code) }))
    .sort(byCreation);
}
