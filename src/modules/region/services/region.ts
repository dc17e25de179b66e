import { NotFoundError, type EntityManager, type UnitOfWork, type KioskServices } from "kiosk";
import { insertAll, type JsonBatch, type Sql } from "kiosk/sql";
import { Country } from "../models/country";
import { Currency } from "../models/currency";
import { Region } from "../models/region";
import { assignableCountries } from "../lib/region-countries";
import { loadRegions, readRegionParts } from "../lib/load-regions";
import { regionView, type RegionView } from "../lib/region-view";
import { listFulfillmentOptions, type FulfillmentOptions } from "../lib/fulfillment-options";
import { checkedProviders, PROVIDER_COLUMN, servingProviders, withoutProvider, withProvider, type ProviderKind } from "../lib/region-providers";

export interface RegionInput {
  name: string;
  currency_code: string;
  tax_rate: number;
  countries: string[];
  tax_code?: string | null;
  includes_tax?: boolean;
  automatic_taxes?: boolean;
  metadata?: Record<string, unknown> | null;
  /** The payment providers serving the region (installed ones, at least one); unset: every installed one. */
  payment_providers?: string[];
  fulfillment_providers?: string[];
}

/** One tax line of a cart or order line, Medusa v1's shape. */
const WITH_COUNTRIES = { relations: { countries: true, currency: true }, order: { created_at: "ASC", id: "ASC" } } as const;

/** Regions: a currency, a tax rate and the countries they cover. */
export default class RegionService {
  private readonly unitOfWork: UnitOfWork;

  constructor(private readonly cradle: KioskServices) {
    this.unitOfWork = cradle.unitOfWork;
  }

  /** The region as the API answers it: with the payment and fulfillment providers serving it. */
  present(region: Region): RegionView {
    const refs = (kind: ProviderKind) => this.servingProviderIds(region, kind).map((id) => ({ id, is_installed: true }));
    return regionView(region, refs("payment"), refs("fulfillment"));
  }

  /** The installed providers of a kind serving a region (those chosen for it, or every installed one). */
  servingProviderIds(region: Region, kind: ProviderKind): string[] {
    return servingProviders(this.cradle, kind, region[PROVIDER_COLUMN[kind]]);
  }

  /** `servingProviderIds` of a region by id: a 404 for an unknown region. */
  async providerIds(id: string, kind: ProviderKind): Promise<string[]> {
    return this.servingProviderIds(await this.retrieve(id), kind);
  }

  /** Asks each fulfillment provider serving the region for its options, outside any transaction. */
  async fulfillmentOptions(id: string): Promise<FulfillmentOptions[]> {
    return listFulfillmentOptions(this.cradle, await this.providerIds(id, "fulfillment"));
  }

  /** Adds a provider to the region's (an installed one; adding one it has changes nothing). */
  addProvider(id: string, kind: ProviderKind, providerId: string): Promise<Region> {
    return this.changeProviders(id, kind, (chosen) => withProvider(this.cradle, kind, chosen, providerId));
  }

  /** Removes a provider from the region's: 404 unless it serves the region, 422 `region_provider_required` for the last one. */
  removeProvider(id: string, kind: ProviderKind, providerId: string): Promise<Region> {
    return this.changeProviders(id, kind, (chosen) => withoutProvider(this.cradle, kind, chosen, providerId));
  }

  private changeProviders(id: string, kind: ProviderKind, change: (chosen: string[] | null) => string[]): Promise<Region> {
    return this.unitOfWork.run(async (tx) => {
      const region = await this.load(tx.manager, id);
      await tx.manager.update(Region, { id }, { [PROVIDER_COLUMN[kind]]: change(region[PROVIDER_COLUMN[kind]]), updated_at: new Date() });
      tx.emit("region.updated", { id });
      return this.load(tx.manager, id);
    });
  }

  /** The provider columns an input sets (each list checked). */
  private providerFields(input: Partial<RegionInput>): Partial<Region> {
    const fields: Partial<Region> = {};
    if (input.payment_providers) fields.payment_provider_ids = checkedProviders(this.cradle, "payment", input.payment_providers);
    if (input.fulfillment_providers) fields.fulfillment_provider_ids = checkedProviders(this.cradle, "fulfillment", input.fulfillment_providers);
    return fields;
  }

  list(page: { offset: number; limit: number }): Promise<[Region[], number]> {
    return this.unitOfWork.read((manager) => manager.findAndCount(Region, { ...WITH_COUNTRIES, skip: page.offset, take: page.limit }));
  }

  retrieve(id: string): Promise<Region> {
    return this.unitOfWork.read((manager) => this.load(manager, id));
  }

  create(input: RegionInput): Promise<Region> {
    return this.unitOfWork.run(async (tx) => {
      await this.requireCurrency(tx.manager, input.currency_code);
      const { countries, payment_providers, fulfillment_providers, ...fields } = input;
      const region = await tx.manager.save(
        tx.manager.create(Region, {
          ...fields,
          ...this.providerFields(input),
          currency_code: input.currency_code.toLowerCase(),
          includes_tax: input.includes_tax ?? false,
          automatic_taxes: input.automatic_taxes ?? true,
        }),
      );
      await insertAll(tx.manager, Country, await assignableCountries(tx.manager, countries, region.id));
      tx.emit("region.created", { id: region.id });
      return this.load(tx.manager, region.id);
    });
  }

  update(id: string, input: Partial<RegionInput>): Promise<Region> {
    return this.unitOfWork.run(async (tx) => {
      const region = await this.load(tx.manager, id);
      const { countries, payment_providers, fulfillment_providers, ...rest } = input;
      const fields = { ...rest, ...this.providerFields(input) };
      if (fields.currency_code) {
        await this.requireCurrency(tx.manager, fields.currency_code);
        fields.currency_code = fields.currency_code.toLowerCase();
      }
      delete region.countries;
      delete region.currency;
      await tx.manager.save(tx.manager.create(Region, Object.assign(region, fields)));
      if (countries) {
        await tx.manager.delete(Country, { region_id: id });
        await insertAll(tx.manager, Country, await assignableCountries(tx.manager, countries, id));
      }
      tx.emit("region.updated", { id });
      return this.load(tx.manager, id);
    });
  }

  /** Adds one country to a region. */
  addCountry(id: string, countryCode: string): Promise<Region> {
    return this.unitOfWork.run(async (tx) => {
      await this.load(tx.manager, id);
      await insertAll(tx.manager, Country, await assignableCountries(tx.manager, [countryCode], id));
      tx.emit("region.updated", { id });
      return this.load(tx.manager, id);
    });
  }

  /** Removes one country from a region; a country the region does not have is a 404. */
  removeCountry(id: string, countryCode: string): Promise<Region> {
    return this.unitOfWork.run(async (tx) => {
      await this.load(tx.manager, id);
      const { affected } = await tx.manager.delete(Country, { region_id: id, iso_2: countryCode.toLowerCase() });
      if (!affected) throw new NotFoundError(`Region ${id} has no country ${countryCode}`);
      tx.emit("region.updated", { id });
      return this.load(tx.manager, id);
    });
  }

  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(Region, { id });
      if (!affected) throw new NotFoundError(`Region with id ${id} was not found`);
      tx.emit("region.deleted", { id });
    });
  }

  /** Regions by id, for other modules (prices, carts); unknown ids are left out. */
  listByIds(ids: string[]): Promise<Region[]> {
    return this.unitOfWork.read((manager) => loadRegions(manager, ids));
  }

  /**
   * Read part (see `JsonBatch`): adds to the caller's batch the regions picked
   * by `regionIds` (a subquery over the caller's own tables, such as
   * `sql\`SELECT "region_id" FROM "cart" WHERE "id" = ${id}\``, or `sql.list(ids)`)
   * with their countries and currency, as `retrieve` gives them. Call
   * `batch.run()`, then the function returned for the regions (oldest first).
   */
  readRegions(batch: JsonBatch, regionIds: Sql): () => Region[] {
    return readRegionParts(batch, regionIds);
  }

  private async load(manager: EntityManager, id: string): Promise<Region> {
    const [region] = await loadRegions(manager, [id]);
    if (!region) throw new NotFoundError(`Region with id ${id} was not found`);
    return region;
  }

  private async requireCurrency(manager: EntityManager, code: string): Promise<void> {
    if (!(await manager.existsBy(Currency, { code: code.toLowerCase() }))) {
      throw new NotFoundError(`Currency ${code} was not found`, "currency_not_found");
    }
  }
}
