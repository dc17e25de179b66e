import { IsNull, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { lockRow, type Sql } from "kiosk/sql";
import { PriceList } from "../models/price-list";
import { assertDates, resolveGroups, resolvePrices, type CreatePriceListInput, type PriceInput, type UpdatePriceListInput } from "../lib/price-inputs";
import { deletePrices, replaceGroups, writePrices, type PriceSelector } from "../lib/price-list-rows";
import { priceListViews, type PriceListView } from "../lib/price-list-view";
import { listPriceLists, type ListPriceListsQuery } from "../lib/price-list-query";
import { pricesInForce, type ListPrice, type PricesInForceContext } from "../lib/prices-in-force";

/**
 * Price lists (Medusa v1): sale and override prices for variants, for some
 * customer groups or everyone, while active and within their dates. Every change
 * of a list runs with its row locked, so racing batches take turns. The catalog
 * and carts read the prices in force through `pricesInForce`.
 */
export default class PriceListService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(query: ListPriceListsQuery): Promise<[PriceListView[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const [lists, count] = await listPriceLists(manager, query);
      return [await priceListViews(this.cradle, manager, lists), count];
    });
  }

  retrieve(id: string): Promise<PriceListView> {
    return this.unitOfWork.read((manager) => this.view(manager, id));
  }

  /** The ids of the products the list has prices for. */
  productIds(id: string): Promise<string[]> {
    return this.unitOfWork.read(async (manager) => {
      await this.live(manager, id);
      const rows = await manager
        .createQueryBuilder()
        .select("DISTINCT price.product_id", "product_id")
        .from("PriceListPrice", "price")
        .where("price.price_list_id = :id", { id })
        .getRawMany<{ product_id: string }>();
      return rows.map((r) => r.product_id);
    });
  }

  async create(input: CreatePriceListInput): Promise<PriceListView> {
    assertDates(input.starts_at, input.ends_at);
    const prices = await resolvePrices(this.cradle, input.prices.map((p) => ({ ...p, id: undefined })));
    const groups = (await resolveGroups(this.cradle, input.customer_groups)) ?? [];
    return this.unitOfWork.run(async (tx) => {
      const { prices: _p, customer_groups: _g, ...fields } = input;
      const list = tx.manager.create(PriceList, { status: "draft", starts_at: null, ends_at: null, deleted_at: null, ...fields });
      await tx.manager.save(list);
      await writePrices(tx.manager, list.id, prices);
      await replaceGroups(tx.manager, list.id, groups);
      tx.emit("price-list.created", { id: list.id });
      return this.view(tx.manager, list.id);
    });
  }

  /** Changes a list's fields; `prices` are added or (with `id`) changed, `customer_groups` replace the list's groups. */
  async update(id: string, input: UpdatePriceListInput): Promise<PriceListView> {
    const prices = input.prices ? await resolvePrices(this.cradle, input.prices) : [];
    const groups = await resolveGroups(this.cradle, input.customer_groups);
    return this.unitOfWork.run(async (tx) => {
      const list = await this.lock(tx.manager, id);
      const { prices: _p, customer_groups: _g, ...fields } = input;
      assertDates(fields.starts_at !== undefined ? fields.starts_at : list.starts_at, fields.ends_at !== undefined ? fields.ends_at : list.ends_at);
      if (Object.keys(fields).length) await tx.manager.update(PriceList, { id }, { ...fields, updated_at: new Date() });
      await writePrices(tx.manager, id, prices);
      if (groups) await replaceGroups(tx.manager, id, groups);
      tx.emit("price-list.updated", { id });
      return this.view(tx.manager, id);
    });
  }

  /** Adds prices to a list (or changes those given with an `id`); with `override`, the list's other prices go first. */
  async addPrices(id: string, input: PriceInput[], override = false): Promise<PriceListView> {
    const prices = await resolvePrices(this.cradle, input);
    return this.unitOfWork.run(async (tx) => {
      await this.lock(tx.manager, id);
      if (override) await deletePrices(tx.manager, id, {});
      await writePrices(tx.manager, id, override ? prices.map((p) => ({ ...p, id: undefined })) : prices);
      tx.emit("price-list.updated", { id });
      return this.view(tx.manager, id);
    });
  }

  /** Deletes prices of a list: by id, or every price of products or of a variant; answers the ids deleted. */
  removePrices(id: string, where: PriceSelector): Promise<string[]> {
    return this.unitOfWork.run(async (tx) => {
      await this.lock(tx.manager, id);
      const deleted = await deletePrices(tx.manager, id, where);
      if (deleted.length) tx.emit("price-list.updated", { id });
      return deleted;
    });
  }

  /** Soft-deletes a list: its prices stop applying at once. */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.lock(tx.manager, id);
      const now = new Date();
      await tx.manager.update(PriceList, { id }, { deleted_at: now, updated_at: now });
      tx.emit("price-list.deleted", { id });
    });
  }

  /**
   * The prices of live, active lists within their dates, for these variants, in the
   * context's region (else currency), for everyone or for a group of the customer's
   * (`customerGroupService.groupIdsSql`, a subquery of the same statement): one statement.
   * Quantity tiers are left to the `priceSelection` strategy.
   */
  pricesInForce(variantIds: string[], context: PricesInForceContext): Promise<Map<string, ListPrice[]>> {
    if (!variantIds.length || (!context.region_id && !context.currency_code)) return Promise.resolve(new Map());
    const groups: Sql | null = context.customer_id ? this.cradle.customerGroupService.groupIdsSql(context.customer_id) : null;
    return this.unitOfWork.read((manager) => pricesInForce(manager, variantIds, context, groups));
  }

  private async view(manager: EntityManager, id: string): Promise<PriceListView> {
    const [view] = await priceListViews(this.cradle, manager, [await this.live(manager, id)]);
    return view;
  }

  private async live(manager: EntityManager, id: string): Promise<PriceList> {
    const list = await manager.findOneBy(PriceList, { id, deleted_at: IsNull() });
    if (!list) throw new NotFoundError(`Price list with id ${id} was not found`);
    return list;
  }

  private async lock(manager: EntityManager, id: string): Promise<PriceList> {
    const list = await lockRow(manager, PriceList, id);
    if (!list || list.deleted_at) throw new NotFoundError(`Price list with id ${id} was not found`);
    return list;
  }
}
