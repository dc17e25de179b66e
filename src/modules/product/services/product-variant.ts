import { NotFoundError, type EntityManager, type UnitOfWork, type KioskServices } from "kiosk";
import { insertAll, JsonBatch, sql, type Sql } from "kiosk/sql";
import { MoneyAmount } from "../models/money-amount";
import { Product } from "../models/product";
import { ProductOptionValue } from "../models/product-option-value";
import { ProductVariant } from "../models/product-variant";
import { priceRegionIds, resolvePrices } from "../lib/price-input";
import type { CreateVariantInput, UpdateVariantInput } from "../lib/product-inputs";
import { loadProduct } from "../lib/product-loader";
import type { ProductSelection } from "../lib/product-relations";
import { returnStock, takeStock } from "../lib/stock";
import { lockProduct } from "../lib/product-options";
import { listVariants, loadVariant, type VariantFilters } from "../lib/variant-list";
import { isPurchasable, limitsStock, readVariantParts, type CatalogVariant } from "../lib/variant-reads";
import {
  assertFreeSkus,
  assertUniqueCombination,
  existingCombinations,
  insertVariants,
  priceRows,
  productOptions,
  valueRows,
  valuesInOptionOrder,
} from "../lib/variant-writer";

/**
 * The variants of one product: list, add, change (prices and option values too)
 * and remove. For other modules: their variants as read parts of a batch
 * (`readVariants`), the product rules on them (`isPurchasable`, `limitsStock`)
 * and their stock (`takeStock`, `returnStock`): the product module is the only
 * one that names its tables.
 */
export default class ProductVariantService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /** A page of a product's variants with their prices and option values. */
  list(productId: string, page: { offset: number; limit: number }): Promise<[ProductVariant[], number]> {
    return this.unitOfWork.run(async (tx) => {
      await this.requireProduct(tx.manager, productId);
      const selection: ProductSelection = { relations: new Set(["variants", "variants.prices", "variants.options"]) };
      const product = await loadProduct(tx.manager, productId, selection);
      const variants = product?.variants ?? [];
      return [variants.slice(page.offset, page.offset + page.limit), variants.length];
    });
  }

  /** A page of variants of any product, with prices, option values and product (`/store/variants`, `/admin/variants`). */
  listAll(filters: VariantFilters, page: { offset: number; limit: number }): Promise<[ProductVariant[], number]> {
    return this.unitOfWork.read((manager) => listVariants(manager, filters, page));
  }

  /**
   * A variant with prices, option values and product; one whose product's status is not in `statuses`,
   * or (a publishable key's scope) whose product is not in the `productIn` subquery, is a 404 too.
   */
  retrieve(id: string, statuses?: readonly string[], productIn?: Sql): Promise<ProductVariant> {
    return this.unitOfWork.read(async (manager) => {
      const variant = await loadVariant(manager, id, statuses, productIn);
      if (!variant) throw new NotFoundError(`Variant with id ${id} was not found`);
      return variant;
    });
  }

  /** Adds a variant; answers the product, as Medusa does. */
  async create(productId: string, input: CreateVariantInput, selection: ProductSelection): Promise<Product> {
    const currencies = await this.cradle.priceSelectionService.regionCurrencies(priceRegionIds([input.prices]));
    const variant = { ...input, prices: resolvePrices(input.prices ?? [], currencies, "prices") };
    return this.unitOfWork.run(async (tx) => {
      // Locked: variant and option writes of one product take turns (see lib/product-options.ts).
      await lockProduct(tx.manager, productId);
      const options = await productOptions(tx.manager, productId);
      const rank = await tx.manager.countBy(ProductVariant, { product_id: productId });
      const [created] = await insertVariants(tx.manager, productId, options, [variant], rank, "variant");
      tx.emit("product-variant.created", { id: created.id, product_id: productId });
      return this.product(tx.manager, productId, selection);
    });
  }

  /** Changes a variant; `prices` replaces all its prices, `options` its option values. */
  async update(productId: string, variantId: string, input: UpdateVariantInput, selection: ProductSelection): Promise<Product> {
    const { prices, options: optionValues, ...fields } = input;
    const currencies = await this.cradle.priceSelectionService.regionCurrencies(priceRegionIds([prices]));
    const resolved = prices && resolvePrices(prices, currencies, "prices");
    return this.unitOfWork.run(async (tx) => {
      const { manager } = tx;
      if (optionValues) await lockProduct(manager, productId);
      const variant = await this.requireVariant(manager, productId, variantId);
      if (fields.sku && fields.sku !== variant.sku) await assertFreeSkus(manager, [fields.sku], variantId);
      await manager.save(Object.assign(variant, fields));
      if (optionValues) {
        const options = await productOptions(manager, productId);
        const values = valuesInOptionOrder(options, optionValues, "options");
        const others = await existingCombinations(manager, options);
        others.delete(variantId);
        if (options.length) assertUniqueCombination(values, others.values(), "options");
        await manager.delete(ProductOptionValue, { variant_id: variantId });
        await insertAll(manager, ProductOptionValue, valueRows(manager, variantId, options, values));
      }
      if (resolved) {
        await manager.delete(MoneyAmount, { variant_id: variantId });
        await insertAll(manager, MoneyAmount, priceRows(manager, variantId, resolved));
      }
      tx.emit("product-variant.updated", { id: variantId, product_id: productId, fields: Object.keys(input) });
      return this.product(manager, productId, selection);
    });
  }

  /** Removes a variant (its prices and option values go with it); answers the product. */
  delete(productId: string, variantId: string, selection: ProductSelection): Promise<Product> {
    return this.unitOfWork.run(async (tx) => {
      await this.requireVariant(tx.manager, productId, variantId);
      await tx.manager.delete(ProductVariant, { id: variantId });
      tx.emit("product-variant.deleted", { id: variantId, product_id: productId });
      return this.product(tx.manager, productId, selection);
    });
  }

  /**
   * Read part (see `JsonBatch`): adds to the caller's batch the variants picked
   * by `variantIds` (a subquery over the caller's own tables, such as
   * `sql\`SELECT "variant_id" FROM "line_item" WHERE "cart_id" = ${id}\``, or
   * `sql.list(ids)`), with their product and prices. Call `batch.run()`, then
   * the function returned for the variants by id (unknown ids left out).
   */
  readVariants(batch: JsonBatch, variantIds: Sql): () => Map<string, CatalogVariant> {
    return readVariantParts(batch, variantIds);
  }

  /** Variants by id with product and prices, in one statement (in the caller's transaction, if any); unknown ids are left out. */
  findVariants(ids: string[]): Promise<Map<string, CatalogVariant>> {
    const unique = [...new Set(ids.filter(Boolean))];
    if (!unique.length) return Promise.resolve(new Map());
    return this.unitOfWork.read(async (manager) => {
      const batch = new JsonBatch(manager);
      const variants = readVariantParts(batch, sql.list(unique));
      await batch.run();
      return variants();
    });
  }

  /** Whether a variant can be bought from the store (its product is published). */
  isPurchasable(variant: CatalogVariant | undefined): variant is CatalogVariant {
    return isPurchasable(variant);
  }

  /** Whether stock limits how many of a variant can be bought: it is managed and backorders are not allowed. */
  limitsStock(variant: CatalogVariant): boolean {
    return limitsStock(variant);
  }

  /**
   * Takes stock for an order, inside the caller's transaction (joined through
   * the unit of work): `demand` is the quantity per variant, `variants` the
   * variants as `readVariants` read them. One conditional UPDATE per variant
   * whose stock is limited, in id order; a variant short of stock is a 422
   * `insufficient_inventory` and the caller's transaction rolls back.
   * Returns what was taken per variant.
   */
  takeStock(demand: Map<string, number>, variants: Map<string, CatalogVariant>): Promise<Map<string, number>> {
    return this.unitOfWork.run((tx) => takeStock(tx.manager, demand, variants));
  }

  /** Gives back stock `takeStock` took (a canceled order, an undone completion), inside the caller's transaction; deleted variants are skipped. */
  returnStock(quantities: Map<string, number>): Promise<void> {
    return this.unitOfWork.run((tx) => returnStock(tx.manager, quantities));
  }

  private async product(manager: EntityManager, id: string, selection: ProductSelection): Promise<Product> {
    const product = await loadProduct(manager, id, selection);
    if (!product) throw new NotFoundError(`Product with id ${id} was not found`);
    return product;
  }

  private async requireProduct(manager: EntityManager, id: string): Promise<void> {
    if (!(await manager.existsBy(Product, { id }))) throw new NotFoundError(`Product with id ${id} was not found`);
  }

  private async requireVariant(manager: EntityManager, productId: string, variantId: string): Promise<ProductVariant> {
    const variant = await manager.findOneBy(ProductVariant, { id: variantId, product_id: productId });
    if (!variant) throw new NotFoundError(`Variant with id ${variantId} was not found on product ${productId}`);
    return variant;
  }
}
