import type { KioskServices } from "kiosk";
import { BatchJobFailure } from "./batch-job-failure";
import { parseProductCsv } from "./product-csv-rows";
import { ImportWriteError, planImport, writeProduct, type PlannedProduct } from "./product-import";

/** Progress of a run: `done` of `total` units. */
export type OnProgress = (done: number, total: number) => void | Promise<void>;

export interface ImportSummary {
  /** Products in the file. */
  count: number;
  rows: number;
  created: number;
  updated: number;
  ignored_columns: string[];
}

/** Parses and checks a product CSV against the store; throws a `BatchJobFailure` naming every bad line. */
export async function checkProductCsv(cradle: KioskServices, text: string): Promise<{ planned: PlannedProduct[]; rows: number; ignored_columns: string[] }> {
  const parsed = parseProductCsv(text);
  const fail = (errors: { line: number; message: string }[]) => new BatchJobFailure(errors.map((e) => ({ ...e, code: "invalid_row" })));
  if (parsed.errors.length) throw fail(parsed.errors);
  const { planned, errors } = await planImport(cradle, parsed.products);
  if (errors.length) throw fail(errors);
  return { planned, rows: parsed.rows, ignored_columns: parsed.ignored_columns };
}

/**
 * Imports a product CSV: every row is checked before anything is written, then all
 * products are written in ONE transaction, so a bad file or a refused product
 * imports nothing. `onProgress` is called as products are written (in this process:
 * what the transaction writes is not visible before it commits).
 */
export async function importProducts(cradle: KioskServices, text: string, onProgress?: OnProgress): Promise<ImportSummary> {
  const { planned, rows, ignored_columns } = await checkProductCsv(cradle, text);
  const counts = { created: 0, updated: 0 };
  try {
    await cradle.unitOfWork.run(async () => {
      for (const [i, product] of planned.entries()) {
        counts[await writeProduct(cradle, product)]++;
        if (onProgress && (i % 50 === 49 || i === planned.length - 1)) await onProgress(i + 1, planned.length);
      }
    });
  } catch (err) {
    if (err instanceof ImportWriteError) throw new BatchJobFailure([{ line: err.line, message: err.message.replace(/^line \d+: /, ""), code: "invalid_row" }]);
    throw err;
  }
  return { count: planned.length, rows, ...counts, ignored_columns };
}
