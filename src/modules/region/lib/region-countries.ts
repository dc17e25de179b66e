import { In, InvalidDataError, UnprocessableError, type EntityManager } from "kiosk";
import { countryName } from "./iso-codes";
import { Country } from "../models/country";

export type CountryRow = Pick<Country, "iso_2" | "name" | "display_name" | "region_id">;

/**
 * The country rows for a region: each code must be a real ISO 3166-1 alpha-2
 * code, given once, and not already in another region (422, as in Medusa).
 */
export async function assignableCountries(manager: EntityManager, codes: string[], regionId: string): Promise<CountryRow[]> {
  const iso = codes.map((c) => c.toLowerCase());
  const rows = iso.map((code) => {
    const name = countryName(code);
    if (!name) throw new InvalidDataError(`${code} is not an ISO 3166-1 alpha-2 country code`, { code: "invalid_country", field: "countries" });
    return { iso_2: code, name: name.toUpperCase(), display_name: name, region_id: regionId };
  });
  if (new Set(iso).size !== iso.length) throw new InvalidDataError("A country is listed twice", { code: "invalid_country", field: "countries" });
  const taken = await manager.find(Country, { where: { iso_2: In(iso) } });
  const elsewhere = taken.find((c) => c.region_id !== regionId);
  if (elsewhere) {
    throw new UnprocessableError(`${elsewhere.display_name} already exists in region ${elsewhere.region_id}`, "country_in_other_region");
  }
  return rows.filter((row) => !taken.some((t) => t.iso_2 === row.iso_2));
}
