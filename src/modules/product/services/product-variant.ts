import { insertAll, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { MoneyAmount } from "../models/money-amount";
import { Product } from "../models/product";
import { ProductOptionValue } from "../models/product-option-value";
import { ProductVariant } from "../models/product-variant";
import { priceRegionIds, resolvePrices } from "../lib/price-input";
import type { CreateVariantInput, UpdateVariantInput } from "../lib/product-inputs";
import { loadProduct } from "../lib/product-loader";
import type { ProductSelection } from "../lib/product-relations";
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

/** The variants of one product: list, add, change (prices and option values too) and remove. */
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

  /** Adds a variant; answers the product, as Medusa does. */
  async create(productId: string, input: CreateVariantInput, selection: ProductSelection): Promise<Product> {
    const currencies = await this.cradle.priceSelectionService.regionCurrencies(priceRegionIds([input.prices]));
    const variant = { ...input, prices: resolvePrices(input.prices ?? [], currencies, "prices") };
    return this.unitOfWork.run(async (tx) => {
      await this.requireProduct(tx.manager, productId);
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
