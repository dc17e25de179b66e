import type { KioskServices } from "kiosk";
import type { BatchJob, BatchJobResult, BatchJobType } from "../models/batch-job";
import { exportOrders } from "./export-orders";
import { exportProducts } from "./export-products";
import { checkProductCsv, importProducts, type OnProgress } from "./import-products";
import { readUpload, writeExport } from "./uploads";

/** What each type of job does: checks before it is confirmed, then its work. */
export interface BatchJobRunner {
  preProcess(cradle: KioskServices, job: BatchJob): Promise<BatchJobResult>;
  process(cradle: KioskServices, job: BatchJob, onProgress: OnProgress): Promise<BatchJobResult>;
}

function importFile(cradle: KioskServices, job: BatchJob): string {
  return readUpload(cradle.config.projectDir, String(job.context?.fileKey ?? ""));
}

function exporter(name: string, run: typeof exportProducts): BatchJobRunner {
  return {
    preProcess: async () => ({ count: 0, advancement_count: 0, progress: 0 }),
    process: async (cradle, job, onProgress) => {
      const { count, csv } = await run(cradle, onProgress);
      return { count, advancement_count: count, progress: 1, ...writeExport(cradle.config.projectDir, `${job.id}-${name}.csv`, csv) };
    },
  };
}

export const RUNNERS: Record<BatchJobType, BatchJobRunner> = {
  "product-import": {
    async preProcess(cradle, job) {
      const { planned, rows, ignored_columns } = await checkProductCsv(cradle, importFile(cradle, job));
      return { count: planned.length, rows, advancement_count: 0, progress: 0, ignored_columns };
    },
    async process(cradle, job, onProgress) {
      const summary = await importProducts(cradle, importFile(cradle, job), onProgress);
      return { ...summary, advancement_count: summary.count, progress: 1 };
    },
  },
  "product-export": exporter("product-export", exportProducts),
  "order-export": exporter("order-export", exportOrders),
};
