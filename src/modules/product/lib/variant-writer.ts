import { ConflictError, In, InvalidDataError, type EntityManager } from "kiosk";
import { insertAll } from "kiosk/sql";
import { MoneyAmount } from "../models/money-amount";
import { ProductOption } from "../models/product-option";
import { ProductOptionValue } from "../models/product-option-value";
import { ProductVariant } from "../models/product-variant";
import { orderedIds } from "./ordered-ids";
import type { ResolvedPrice } from "./price-input";
import type { CreateVariantInput, VariantOptionInput } from "./product-inputs";

/** A variant to insert, its prices already resolved. */
export type NewVariant = Omit<CreateVariantInput, "prices"> & { prices: ResolvedPrice[] };

const KEY_SEPARATOR = "\u0000";

/** The product's options in their order (creation order, which the ids keep). */
export function productOptions(manager: EntityManager, productId: string): Promise<ProductOption[]> {
  return manager.find(ProductOption, { where: { product_id: productId }, order: { id: "ASC" } });
}

/**
 * A variant's option values in the order of the product's options: exactly one
 * value per option, given by `option_id` or, without ids, by position.
 */
export function valuesInOptionOrder(options: ProductOption[], given: VariantOptionInput[] | undefined, field: string): string[] {
  const values = given ?? [];
  if (values.length !== options.length) {
    const titles = options.map((o) => o.title).join(", ") || "none";
    throw new InvalidDataError(
      `${field}: expected ${options.length} option value${options.length === 1 ? "" : "s"} (one per product option: ${titles}), got ${values.length}`,
      { code: "invalid_option_values", field },
    );
  }
  if (!values.some((v) => v.option_id)) return values.map((v) => v.value);
  const byOption = new Map<string, string>();
  for (const v of values) {
    if (!v.option_id || !options.some((o) => o.id === v.option_id) || byOption.has(v.option_id)) {
      throw new InvalidDataError(`${field}: each value must name a different option of this product`, { code: "invalid_option_values", field });
    }
    byOption.set(v.option_id, v.value);
  }
  return options.map((o) => byOption.get(o.id)!);
}

/** The option-value combinations the product's variants already use, keyed by variant id. */
export async function existingCombinations(manager: EntityManager, options: ProductOption[]): Promise<Map<string, string>> {
  if (!options.length) return new Map();
  const rows = await manager.find(ProductOptionValue, {
    where: { option_id: In(options.map((o) => o.id)) },
    select: { id: true, variant_id: true, option_id: true, value: true },
  });
  const position = new Map(options.map((o, i) => [o.id, i]));
  const byVariant = new Map<string, string[]>();
  for (const r of rows) {
    const values = byVariant.get(r.variant_id) ?? new Array<string>(options.length).fill("");
    values[position.get(r.option_id)!] = r.value;
    byVariant.set(r.variant_id, values);
  }
  return new Map([...byVariant].map(([id, values]) => [id, values.join(KEY_SEPARATOR)]));
}

/** Refuses a combination another variant of the product already has. */
export function assertUniqueCombination(values: string[], taken: Iterable<string>, field: string): void {
  const key = values.join(KEY_SEPARATOR);
  for (const other of taken) {
    if (other === key) {
      throw new ConflictError(`${field}: a variant with the options ${values.join(" / ")} already exists`, "duplicate_variant");
    }
  }
}

/** Refuses SKUs used twice in the request or already in use by another variant. */
export async function assertFreeSkus(manager: EntityManager, skus: (string | null | undefined)[], exceptVariantId?: string): Promise<void> {
  const given = skus.filter((s): s is string => !!s);
  const twice = given.find((s, i) => given.indexOf(s) !== i);
  if (twice) throw new ConflictError(`The SKU ${twice} is given to more than one variant`, "duplicate_error");
  if (!given.length) return;
  const taken = await manager.find(ProductVariant, { where: { sku: In(given) }, select: { id: true, sku: true } });
  const clash = taken.find((v) => v.id !== exceptVariantId);
  if (clash) throw new ConflictError(`A variant with the SKU ${clash.sku} already exists`, "duplicate_error");
}

/** Price rows of one variant. */
export function priceRows(manager: EntityManager, variantId: string, prices: ResolvedPrice[]): MoneyAmount[] {
  const ids = orderedIds(MoneyAmount.idPrefix, prices.length);
  return prices.map((p, i) => manager.create(MoneyAmount, { ...p, id: ids[i], variant_id: variantId }));
}

/** Option value rows of one variant. */
export function valueRows(manager: EntityManager, variantId: string, options: ProductOption[], values: string[]): ProductOptionValue[] {
  const ids = orderedIds(ProductOptionValue.idPrefix, values.length);
  return values.map((value, i) =>
    manager.create(ProductOptionValue, { id: ids[i], value, option_id: options[i].id, variant_id: variantId, metadata: null }),
  );
}

/**
 * Inserts variants of a product with their option values and prices: one
 * statement per table. Checks option values, combinations and SKUs first.
 */
export async function insertVariants(
  manager: EntityManager,
  productId: string,
  options: ProductOption[],
  inputs: NewVariant[],
  firstRank: number,
  field = "variants",
): Promise<ProductVariant[]> {
  if (!inputs.length) return [];
  const taken = [...(await existingCombinations(manager, options)).values()];
  const valuesPerVariant = inputs.map((input, i) => {
    const values = valuesInOptionOrder(options, input.options, `${field}.${i}.options`);
    if (options.length) assertUniqueCombination(values, taken, `${field}.${i}.options`);
    taken.push(values.join(KEY_SEPARATOR));
    return values;
  });
  await assertFreeSkus(manager, inputs.map((v) => v.sku));

  const ids = orderedIds(ProductVariant.idPrefix, inputs.length);
  const variants = inputs.map(({ prices: _prices, options: _options, ...fields }, i) =>
    manager.create(ProductVariant, {
      ...fields,
      id: ids[i],
      product_id: productId,
      inventory_quantity: fields.inventory_quantity ?? 0,
      allow_backorder: fields.allow_backorder ?? false,
      manage_inventory: fields.manage_inventory ?? true,
      variant_rank: fields.variant_rank ?? firstRank + i,
    }),
  );
  await insertAll(manager, ProductVariant, variants);
  const values = variants.flatMap((v, i) => valueRows(manager, v.id, options, valuesPerVariant[i]));
  await insertAll(manager, ProductOptionValue, values);
  const prices = variants.flatMap((v, i) => priceRows(manager, v.id, inputs[i].prices));
  await insertAll(manager, MoneyAmount, prices);
  return variants;
}
