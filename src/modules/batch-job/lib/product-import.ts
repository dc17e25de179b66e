import { KioskError, type KioskServices } from "kiosk";
import type { ImportProduct, ImportRowError, ImportVariant } from "./product-csv-rows";

type ProductService = KioskServices["productService"];
type Product = Awaited<ReturnType<ProductService["retrieve"]>>;
type CreateInput = Parameters<ProductService["create"]>[0];

/** A product of the file, with the stored product of its handle when there is one. */
export interface PlannedProduct {
  row: ImportProduct;
  existing: { id: string; options: string[]; skus: Map<string, string> } | null;
}

const LOOKUP = { relations: new Set(["variants", "options"] as const) } as never;
const NOTHING = { relations: new Set() } as never;

/**
 * Checks the file's products against the store: a handle that exists is updated (its
 * variants matched by SKU), any other is created and needs a title; option names must
 * be the stored product's. Reads only.
 */
export async function planImport(cradle: KioskServices, products: ImportProduct[]): Promise<{ planned: PlannedProduct[]; errors: ImportRowError[] }> {
  const errors: ImportRowError[] = [];
  const planned: PlannedProduct[] = [];
  for (const row of products) {
    const [[found]] = await cradle.productService.list({ handle: row.handle }, { offset: 0, limit: 1 }, LOOKUP);
    const existing = found ? summary(found) : null;
    if (!existing && !row.title) errors.push({ line: row.line, message: `"Product Title" is empty for the new product ${row.handle}` });
    if (existing && row.options.length && row.options.join("\u0000") !== existing.options.join("\u0000")) {
      errors.push({ line: row.line, message: `the option names differ from the stored product ${row.handle}'s (${existing.options.join(", ") || "none"})` });
    }
    planned.push({ row, existing });
  }
  return { planned, errors };
}

function summary(product: Product): NonNullable<PlannedProduct["existing"]> {
  const skus = new Map<string, string>();
  for (const v of product.variants ?? []) if (v.sku) skus.set(v.sku, v.id);
  return { id: product.id, options: (product.options ?? []).map((o) => o.title), skus };
}

function variantInput(v: ImportVariant) {
  const input = {
    title: v.title,
    sku: v.sku,
    barcode: v.barcode,
    inventory_quantity: v.inventory_quantity,
    allow_backorder: v.allow_backorder,
    manage_inventory: v.manage_inventory,
    options: v.options.map((value) => ({ value })),
    ...(v.prices.length ? { prices: v.prices } : {}),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as typeof input;
}

function productFields(row: ImportProduct) {
  const fields = { title: row.title, subtitle: row.subtitle, description: row.description, status: row.status, thumbnail: row.thumbnail, discountable: row.discountable };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<CreateInput>;
}

/**
 * Writes one planned product through the product module's services (inside the caller's
 * transaction); answers whether it was created. A refusal names the product's line.
 */
export async function writeProduct(cradle: KioskServices, { row, existing }: PlannedProduct): Promise<"created" | "updated"> {
  try {
    if (!existing) {
      await cradle.productService.create({
        ...productFields(row),
        title: row.title!,
        handle: row.handle,
        options: row.options.map((title) => ({ title })),
        variants: row.variants.map(variantInput),
      });
      return "created";
    }
    await cradle.productService.update(existing.id, productFields(row), NOTHING);
    for (const variant of row.variants) {
      const id = variant.sku ? existing.skus.get(variant.sku) : undefined;
      if (id) await cradle.productVariantService.update(existing.id, id, variantInput(variant), NOTHING);
      else await cradle.productVariantService.create(existing.id, variantInput(variant), NOTHING);
    }
    return "updated";
  } catch (err) {
    if (err instanceof KioskError) throw new ImportWriteError(row.line, err.message);
    throw err;
  }
}

/** A product the product module refused while writing (a SKU another product has, …). */
export class ImportWriteError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}
