import { parseCsv } from "kiosk/internal";
import { OPTION_COLUMN, PRICE_COLUMN, PRODUCT_COLUMNS as C, PRODUCT_STATUSES } from "./product-columns";

/** One variant row of an import file. */
export interface ImportVariant {
  line: number;
  title: string;
  sku: string | null;
  barcode: string | null;
  inventory_quantity?: number;
  allow_backorder?: boolean;
  manage_inventory?: boolean;
  prices: { currency_code: string; amount: number }[];
  /** One value per option of the product, in the order of its `Option N` columns. */
  options: string[];
}

/** The rows of one product handle: its fields come from its first row. */
export interface ImportProduct {
  line: number;
  handle: string;
  title?: string;
  subtitle?: string;
  description?: string;
  status?: (typeof PRODUCT_STATUSES)[number];
  thumbnail?: string;
  discountable?: boolean;
  options: string[];
  variants: ImportVariant[];
}

export interface ImportRowError {
  line: number;
  message: string;
}

export interface ParsedImport {
  products: ImportProduct[];
  rows: number;
  errors: ImportRowError[];
  /** Columns of Medusa's template that Kiosk does not import (left out, not an error). */
  ignored_columns: string[];
}

const MAX_ERRORS = 50;

type Record = { [column: string]: string };

/** Parses and checks an import file without touching the database: every bad row is named by its line. */
export function parseProductCsv(text: string): ParsedImport {
  let records: { record: Record; info: { lines: number } }[];
  try {
    records = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: false }) as never;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { products: [], rows: 0, errors: [{ line, message: `not a readable CSV file: ${(err as Error).message}` }], ignored_columns: [] };
  }
  const header = records.length ? Object.keys(records[0].record) : [];
  const errors: ImportRowError[] = [];
  if (!records.length) errors.push({ line: 1, message: "the file has no product rows" });
  else if (!header.includes(C.handle)) errors.push({ line: 1, message: `the column "${C.handle}" is missing` });
  const known = new Set<string>(Object.values(C));
  const ignored = header.filter((h) => !known.has(h) && !PRICE_COLUMN.test(h) && !OPTION_COLUMN.test(h));
  const optionSlots = [...new Set(header.flatMap((h) => (OPTION_COLUMN.test(h) ? [Number(OPTION_COLUMN.exec(h)![1])] : [])))].sort((a, b) => a - b);
  const byHandle = new Map<string, ImportProduct>();
  const skus = new Map<string, number>();
  for (const { record, info } of errors.length ? [] : records) {
    if (errors.length >= MAX_ERRORS) break;
    const line = info.lines;
    const fail = (message: string) => void errors.push({ line, message });
    const handle = record[C.handle];
    if (!handle) {
      fail(`"${C.handle}" is empty`);
      continue;
    }
    let product = byHandle.get(handle);
    if (!product) {
      product = productFields(record, line, fail);
      product.options = optionSlots.map((n) => record[`Option ${n} Name`] ?? "").filter(Boolean);
      byHandle.set(handle, product);
    }
    const variant = variantFields(record, line, product, optionSlots, fail);
    if (!variant) continue;
    if (variant.sku) {
      const first = skus.get(variant.sku);
      if (first !== undefined) fail(`the SKU ${variant.sku} is already on line ${first}`);
      else skus.set(variant.sku, line);
    }
    product.variants.push(variant);
  }
  return { products: [...byHandle.values()], rows: records.length, errors, ignored_columns: ignored };
}

function productFields(record: Record, line: number, fail: (m: string) => void): ImportProduct {
  const status = record[C.status] || undefined;
  if (status && !(PRODUCT_STATUSES as readonly string[]).includes(status)) fail(`"${C.status}" must be one of ${PRODUCT_STATUSES.join(", ")}`);
  if ((record[C.title] ?? "").length > 500) fail(`"${C.title}" is longer than 500 characters`);
  return {
    line,
    handle: record[C.handle],
    title: record[C.title] || undefined,
    subtitle: record[C.subtitle] || undefined,
    description: record[C.description] || undefined,
    status: status as ImportProduct["status"],
    thumbnail: record[C.thumbnail] || undefined,
    discountable: bool(record[C.discountable], C.discountable, fail),
    options: [],
    variants: [],
  };
}

function variantFields(record: Record, line: number, product: ImportProduct, slots: number[], fail: (m: string) => void): ImportVariant | null {
  const title = record[C.variantTitle] ?? "";
  const prices = Object.keys(record).flatMap((column) => {
    const currency = PRICE_COLUMN.exec(column)?.[1];
    if (!currency || record[column] === "") return [];
    const amount = count(record[column], column, fail);
    return amount === undefined ? [] : [{ currency_code: currency.toLowerCase(), amount }];
  });
  const values = slots.map((n) => record[`Option ${n} Value`] ?? "").filter(Boolean);
  const names = slots.map((n) => record[`Option ${n} Name`] ?? "").filter(Boolean);
  if (!title && !record[C.sku] && !prices.length && !values.length) return null; // a product row without a variant
  if (!title) {
    fail(`"${C.variantTitle}" is empty`);
    return null;
  }
  if (names.length && names.join("\u0000") !== product.options.join("\u0000")) fail(`the option names differ from line ${product.line}'s`);
  if (values.length !== product.options.length) fail(`the variant needs a value for each of its ${product.options.length} option(s)`);
  const inventory = record[C.inventory] ? count(record[C.inventory], C.inventory, fail) : undefined;
  return {
    line,
    title,
    sku: record[C.sku] || null,
    barcode: record[C.barcode] || null,
    inventory_quantity: inventory,
    allow_backorder: bool(record[C.backorder], C.backorder, fail),
    manage_inventory: bool(record[C.manageInventory], C.manageInventory, fail),
    prices,
    options: values,
  };
}

/** A whole number from 0 to `Number.MAX_SAFE_INTEGER` (amounts are in the currency's minor unit). */
function count(value: string, column: string, fail: (m: string) => void): number | undefined {
  if (!/^\d+$/.test(value)) {
    fail(`"${column}" must be a whole number, not "${value.slice(0, 40)}"`);
    return undefined;
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    fail(`"${column}" is too large`);
    return undefined;
  }
  return n;
}

function bool(value: string | undefined, column: string, fail: (m: string) => void): boolean | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  fail(`"${column}" must be true or false`);
  return undefined;
}
