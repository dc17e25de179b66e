import { mergeMetadata, NotFoundError, type KioskServices, type UnitOfWork } from "kiosk";
import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { TaxRate } from "../models/tax-rate";
import { addLinks, LINKS, readRateLinks, removeLinks, type LinkKind } from "../lib/rate-links";
import { assertTargetsExist } from "../lib/link-targets";
import { readOverrideRates, type OverrideRates } from "../lib/override-rates";
import { withTax } from "../lib/tax-amounts";
import { selectTaxRatePage, type TaxRateFilters, type TaxRatePage } from "../lib/tax-rate-query";
import { taxRateView, type Expandable, type TaxRateView } from "../lib/tax-rate-view";

export interface TaxRateInput {
  name: string;
  region_id: string;
  code?: string | null;
  rate?: number | null;
  metadata?: Record<string, unknown> | null;
  products?: string[];
  product_types?: string[];
  shipping_options?: string[];
}

const KINDS: LinkKind[] = ["products", "product_types", "shipping_options"];

/**
 * Tax rates of regions (Medusa v1's): a rate linked to products, product types or
 * shipping options taxes them instead of the region's own `tax_rate`. The cart
 * reads the rates in force for its lines through `readForCart`, the catalog
 * through `ratesForRegion`; the `taxCalculation` strategy decides.
 */
export default class TaxRateService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filters: TaxRateFilters, page: TaxRatePage, expand: Set<Expandable>): Promise<[TaxRateView[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const [rates, count] = await selectTaxRatePage(manager, filters, page);
      const links = await readRateLinks(manager, rates.map((r) => r.id));
      return [rates.map((r) => taxRateView(r, links.get(r.id)!, expand)), count];
    });
  }

  retrieve(id: string, expand: Set<Expandable> = new Set()): Promise<TaxRateView> {
    return this.unitOfWork.read(async (manager) => {
      const rate = await manager.findOneBy(TaxRate, { id });
      if (!rate) throw new NotFoundError(`Tax rate with id ${id} was not found`, "tax_rate_not_found");
      const links = await readRateLinks(manager, [id]);
      return taxRateView(rate, links.get(id)!, expand);
    });
  }

  /** Creates a rate in an existing region, linked to the products, types and options given (each checked: a missing one is a 404). */
  async create(input: TaxRateInput, expand?: Set<Expandable>): Promise<TaxRateView> {
    await this.cradle.regionService.retrieve(input.region_id);
    for (const kind of KINDS) await assertTargetsExist(this.cradle, kind, input[kind] ?? []);
    const id = await this.unitOfWork.run(async (tx) => {
      const rate = tx.manager.create(TaxRate, {
        name: input.name,
        region_id: input.region_id,
        code: input.code ?? null,
        rate: input.rate ?? null,
        metadata: input.metadata ?? null,
      });
      await tx.manager.save(TaxRate, rate);
      for (const kind of KINDS) await addLinks(tx.manager, kind, rate.id, input[kind] ?? []);
      tx.emit("tax-rate.created", { id: rate.id });
      return rate.id;
    });
    return this.retrieve(id, expand);
  }

  /** Changes a rate's fields; link lists given are added to its links, as Medusa v1 does. */
  async update(id: string, input: Partial<TaxRateInput>, expand?: Set<Expandable>): Promise<TaxRateView> {
    if (input.region_id) await this.cradle.regionService.retrieve(input.region_id);
    for (const kind of KINDS) await assertTargetsExist(this.cradle, kind, input[kind] ?? []);
    await this.unitOfWork.run(async (tx) => {
      const rate = await tx.manager.findOneBy(TaxRate, { id });
      if (!rate) throw new NotFoundError(`Tax rate with id ${id} was not found`, "tax_rate_not_found");
      const { products: _p, product_types: _t, shipping_options: _s, metadata, ...fields } = input;
      Object.assign(rate, fields, metadata === undefined ? {} : { metadata: mergeMetadata(rate.metadata, metadata) });
      await tx.manager.save(TaxRate, rate);
      for (const kind of KINDS) await addLinks(tx.manager, kind, id, input[kind] ?? []);
      tx.emit("tax-rate.updated", { id });
    });
    return this.retrieve(id, expand);
  }

  /** Deletes a rate and its links; an unknown id is a success, as Medusa v1 answers it. */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      for (const kind of KINDS) await tx.manager.delete(LINKS[kind].entity, { rate_id: id });
      const { affected } = await tx.manager.delete(TaxRate, { id });
      if (affected) tx.emit("tax-rate.deleted", { id });
    });
  }

  /** Links products, product types or shipping options (each checked) to a rate. */
  async link(id: string, kind: LinkKind, ids: string[], expand?: Set<Expandable>): Promise<TaxRateView> {
    await this.retrieve(id);
    await assertTargetsExist(this.cradle, kind, ids);
    await this.unitOfWork.run(async (tx) => {
      await addLinks(tx.manager, kind, id, ids);
      tx.emit("tax-rate.updated", { id });
    });
    return this.retrieve(id, expand);
  }

  /** Unlinks them; ids not linked are ignored. */
  async unlink(id: string, kind: LinkKind, ids: string[], expand?: Set<Expandable>): Promise<TaxRateView> {
    await this.retrieve(id);
    await this.unitOfWork.run(async (tx) => {
      await removeLinks(tx.manager, kind, id, ids);
      tx.emit("tax-rate.updated", { id });
    });
    return this.retrieve(id, expand);
  }

  /**
   * Read part (see `JsonBatch`): the tax lines of the rates of the regions
   * `regionIds` picks, by the product (among `productIds`), product type and
   * shipping option they are linked to, behind `batch.whenAny` (read only when the
   * region has rates). Call `batch.run()`, then the function.
   */
  readForCart(batch: JsonBatch, regionIds: Sql, productIds: Sql): () => OverrideRates {
    return readOverrideRates(batch, regionIds, productIds);
  }

  /** The same, for the catalog: a region's rates linked to these products and any product type or shipping option (one statement, two when the region has rates). */
  ratesForRegion(regionId: string, productIds: string[]): Promise<OverrideRates> {
    return this.unitOfWork.read(async (manager) => {
      const batch = new JsonBatch(manager);
      const read = readOverrideRates(batch, sql`${regionId}`, productIds.length ? sql.list(productIds) : sql`SELECT NULL WHERE 1 = 0`);
      await batch.run();
      return read();
    });
  }

  /**
   * An amount with and without tax at these rates (percentages), exact: the tax is
   * taken out of a tax-inclusive amount (`round(amount * r / (100 + r))`, `r` their
   * sum) or added to another (each rate rounded on its own), as cart lines are taxed.
   */
  amounts(amount: number, percents: number[], includesTax: boolean): { incl: number; excl: number; tax: number } {
    return withTax(amount, percents, includesTax);
  }
}
