import { ConflictError, NotFoundError, type EntityManager } from "kiosk";
import { insertAll, lockRow } from "kiosk/sql";
import { Product } from "../models/product";
import { ProductOption } from "../models/product-option";
import { ProductOptionValue } from "../models/product-option-value";
import { ProductVariant } from "../models/product-variant";

/** The value a new option gets on the product's existing variants, as in Medusa. */
export const DEFAULT_OPTION_VALUE = "Default Value";

/**
 * Locks the product for the rest of the caller's transaction (a 404 when there is
 * none): option and variant writes of one product take turns, so a check of its
 * variants' values holds until the commit.
 */
export async function lockProduct(manager: EntityManager, productId: string): Promise<Product> {
  const product = await lockRow(manager, Product, productId);
  if (!product) throw new NotFoundError(`Product with id ${productId} was not found`);
  return product;
}

/** The option of this product, or a 404. */
export async function requireOption(manager: EntityManager, productId: string, optionId: string): Promise<ProductOption> {
  const option = await manager.findOneBy(ProductOption, { id: optionId, product_id: productId });
  if (!option) throw new NotFoundError(`Option with id ${optionId} was not found on product ${productId}`);
  return option;
}

/** Refuses a title another option of the product has (409 `duplicate_error`). */
export async function assertFreeTitle(manager: EntityManager, productId: string, title: string, except?: string): Promise<void> {
  const taken = await manager.findOneBy(ProductOption, { product_id: productId, title });
  if (taken && taken.id !== except) {
    throw new ConflictError(`An option with the title ${title} already exists on product ${productId}`, "duplicate_error");
  }
}

/** Gives each variant of the product the value `Default Value` for a new option (their combinations stay distinct). */
export async function addDefaultValues(manager: EntityManager, productId: string, optionId: string): Promise<void> {
  const variants = await manager.find(ProductVariant, { where: { product_id: productId }, select: { id: true }, order: { id: "ASC" } });
  await insertAll(
    manager,
    ProductOptionValue,
    variants.map((v) => manager.create(ProductOptionValue, { value: DEFAULT_OPTION_VALUE, option_id: optionId, variant_id: v.id, metadata: null })),
  );
}

/**
 * Medusa's rule for deleting an option: when the product has variants, they must
 * all have the same value for it (else two variants could end up with the same
 * values). A 409 `duplicate_variant` otherwise.
 */
export async function assertRemovable(manager: EntityManager, optionId: string): Promise<void> {
  const values = await manager.find(ProductOptionValue, { where: { option_id: optionId }, select: { id: true, value: true } });
  if (new Set(values.map((v) => v.value)).size > 1) {
    throw new ConflictError(
      "To delete an option, first delete variants so that all the remaining ones have the same value for it: otherwise some would become duplicates",
      "duplicate_variant",
    );
  }
}
