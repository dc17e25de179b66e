import { stringifyCsv } from "kiosk/internal";
import type { KioskServices } from "kiosk";
import { PRODUCT_COLUMNS as C } from "./product-columns";
import type { OnProgress } from "./import-products";

type Product = Awaited<ReturnType<KioskServices["productService"]["retrieve"]>>;

const PAGE = 200;
const RELATIONS = { relations: new Set(["variants", "variants.prices", "variants.options", "options"] as const) } as never;

/** Every product's rows (one per variant, or one for a product without variants) in the import template's columns. */
export async function exportProducts(cradle: KioskServices, onProgress: OnProgress): Promise<{ count: number; csv: string }> {
  const products: Product[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const [page, count] = await cradle.productService.list({}, { offset, limit: PAGE, order: "created_at" }, RELATIONS);
    products.push(...page);
    await onProgress(products.length, count);
    if (page.length < PAGE) break;
  }
  const optionSlots = Math.max(0, ...products.map((p) => p.options?.length ?? 0));
  const currencies = [...new Set(products.flatMap((p) => (p.variants ?? []).flatMap((v) => (v.prices ?? []).filter((pr) => !pr.region_id).map((pr) => pr.currency_code))))].sort();
  const header = [
    ...Object.values(C),
    ...Array.from({ length: optionSlots }, (_, i) => [`Option ${i + 1} Name`, `Option ${i + 1} Value`]).flat(),
    ...currencies.map((c) => `Price ${c.toUpperCase()}`),
  ];
  const rows: unknown[][] = [header];
  for (const p of products) {
    const options = p.options ?? [];
    const productCells = [p.handle, p.title, p.subtitle ?? "", p.description ?? "", p.status, p.thumbnail ?? "", String(p.discountable)];
    const variants = p.variants?.length ? p.variants : [null];
    for (const v of variants) {
      const variantCells = v
        ? [v.title, v.sku ?? "", v.barcode ?? "", v.inventory_quantity, String(v.allow_backorder), String(v.manage_inventory)]
        : ["", "", "", "", "", ""];
      const optionCells = Array.from({ length: optionSlots }, (_, i) => {
        const option = options[i];
        if (!option) return ["", ""];
        return [option.title, v?.options?.find((o) => o.option_id === option.id)?.value ?? ""];
      }).flat();
      const priceCells = currencies.map((c) => v?.prices?.find((pr) => !pr.region_id && pr.currency_code === c)?.amount ?? "");
      rows.push([...productCells, ...variantCells, ...optionCells, ...priceCells]);
    }
  }
  return { count: products.length, csv: stringifyCsv(rows) };
}
