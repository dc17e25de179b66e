import { mergeMetadata, NotFoundError, UnprocessableError, type EntityManager, type KioskServices } from "kiosk";
import { lockRow } from "kiosk/sql";
import { Store } from "../models/store";
import { StoreCurrency } from "../models/store-currency";
import { STORE_DEFAULTS } from "../lib/store-defaults";
import { storeView, type StoreView } from "../lib/store-view";

export interface UpdateStoreInput {
  name?: string;
  swap_link_template?: string | null;
  payment_link_template?: string | null;
  invite_link_template?: string | null;
  default_region_id?: string | null;
  default_currency_code?: string;
  currencies?: string[];
  metadata?: Record<string, unknown> | null;
}

const OLDEST = { order: { created_at: "ASC", id: "ASC" } } as const;

/**
 * The store's settings: one row (made by the migration, or again on the next
 * read if it was removed), its currencies (codes of the region module's
 * catalogue, checked through `currencyService`) and link templates. Every write
 * locks the row, so concurrent changes apply one after the other.
 */
export default class StoreService {
  constructor(private readonly cradle: KioskServices) {}

  async retrieve(): Promise<StoreView> {
    const found = await this.cradle.unitOfWork.read(async (manager) => {
      const [store] = await manager.find(Store, { ...OLDEST, take: 1 });
      return store ? this.view(manager, store) : undefined;
    });
    return found ?? this.cradle.unitOfWork.run(async (tx) => this.view(tx.manager, await this.locked(tx.manager)));
  }

  update(input: UpdateStoreInput): Promise<StoreView> {
    return this.write(async (manager, store) => {
      const { currencies, default_currency_code, metadata, ...fields } = input;
      if (fields.default_region_id) await this.cradle.regionService.retrieve(fields.default_region_id);
      const defaultCode = (default_currency_code ?? store.default_currency_code).toLowerCase();
      if (currencies) {
        const codes = await this.existingCodes(currencies);
        if (!codes.includes(defaultCode)) {
          throw new UnprocessableError("The store's currencies must include its default currency", "default_currency_required");
        }
        await manager.delete(StoreCurrency, { store_id: store.id });
        await manager.insert(StoreCurrency, codes.map((currency_code) => ({ store_id: store.id, currency_code })));
      } else if (default_currency_code && !(await this.codesOf(manager, store.id)).includes(defaultCode)) {
        throw new UnprocessableError(`Store does not have currency: ${default_currency_code}`, "currency_not_in_store");
      }
      Object.assign(store, fields, { default_currency_code: defaultCode, metadata: mergeMetadata(store.metadata, metadata) });
      await manager.save(Store, store);
    });
  }

  /** Adds a currency of the catalogue (404 `currency_not_found` otherwise); one the store has already changes nothing. */
  async addCurrency(code: string): Promise<StoreView> {
    const [currency] = await this.existingCodes([code]);
    const current = await this.retrieve();
    if (current.currencies.some((c) => c.code === currency)) return current;
    return this.write(async (manager, store) => {
      if (!(await this.codesOf(manager, store.id)).includes(currency)) await manager.insert(StoreCurrency, { store_id: store.id, currency_code: currency });
    });
  }

  /** Removes a currency (422 `default_currency_required` for the default one); one the store does not have changes nothing. */
  async removeCurrency(code: string): Promise<StoreView> {
    const currency = code.toLowerCase();
    const current = await this.retrieve();
    if (currency !== current.default_currency_code && !current.currencies.some((c) => c.code === currency)) return current;
    return this.write(async (manager, store) => {
      if (currency === store.default_currency_code) {
        throw new UnprocessableError(`${currency} is the store's default currency: choose another default first`, "default_currency_required");
      }
      await manager.delete(StoreCurrency, { store_id: store.id, currency_code: currency });
    });
  }

  /** Applies `change` to the locked row, raises `store.updated` and answers the store as it is now. */
  private write(change: (manager: EntityManager, store: Store) => Promise<void>): Promise<StoreView> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const store = await this.locked(tx.manager);
      await change(tx.manager, store);
      tx.emit("store.updated", { id: store.id });
      return this.view(tx.manager, await tx.manager.findOneByOrFail(Store, { id: store.id }));
    });
  }

  /** The row (a plain object, as `lockRow` answers), locked for the rest of the caller's transaction; made with the defaults when there is none. */
  private async locked(manager: EntityManager): Promise<Store> {
    const [found] = await manager.find(Store, { ...OLDEST, select: { id: true }, take: 1 });
    const id = found ? found.id : await this.create(manager);
    const store = await lockRow(manager, Store, id);
    if (!store) throw new NotFoundError("The store was not found");
    return store;
  }

  private async create(manager: EntityManager): Promise<string> {
    const store = await manager.save(manager.create(Store, { ...STORE_DEFAULTS, metadata: null }));
    await manager.insert(StoreCurrency, { store_id: store.id, currency_code: store.default_currency_code });
    return store.id;
  }

  /** The codes, lower-cased, each of the currency catalogue (404 `currency_not_found` for one that is not). */
  private async existingCodes(codes: string[]): Promise<string[]> {
    const wanted = [...new Set(codes.map((code) => code.toLowerCase()))];
    const found = new Set((await this.cradle.currencyService.listByCodes(wanted)).map((c) => c.code));
    const missing = wanted.find((code) => !found.has(code));
    if (missing !== undefined) throw new NotFoundError(`Currency ${missing} was not found`, "currency_not_found");
    return wanted;
  }

  private async codesOf(manager: EntityManager, storeId: string): Promise<string[]> {
    return (await manager.find(StoreCurrency, { where: { store_id: storeId } })).map((row) => row.currency_code);
  }

  private async view(manager: EntityManager, store: Store): Promise<StoreView> {
    const codes = await this.codesOf(manager, store.id);
    const currencies = await this.cradle.currencyService.listByCodes([...codes, store.default_currency_code]);
    const { paymentProviderService, fulfillmentProviderService } = this.cradle;
    return storeView(store, currencies, { payment_providers: paymentProviderService.list(), fulfillment_providers: fulfillmentProviderService.list() });
  }
}
