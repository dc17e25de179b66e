import { InvalidDataError, KioskError, NotFoundError, UnprocessableError, type EntityManager, type KioskServices, type TransactionContext, type UnitOfWork } from "kiosk";
import { lockRow } from "kiosk/sql";
import { BatchJob, type BatchJobError, type BatchJobResult, type BatchJobStatus, type BatchJobType } from "../models/batch-job";
import { BatchJobFailure } from "../lib/batch-job-failure";
import { RUNNERS } from "../lib/batch-job-runners";
import { importProducts, type ImportSummary, type OnProgress } from "../lib/import-products";
import { readUpload } from "../lib/uploads";

export interface BatchJobInput {
  type: BatchJobType;
  context: Record<string, unknown>;
  dry_run: boolean;
  created_by: string | null;
}

export interface BatchJobFilter {
  created_by?: string;
  type?: string[];
  status?: string[];
}

const NEWEST_FIRST = { created_at: "DESC", id: "DESC" } as const;
const CANCELABLE: BatchJobStatus[] = ["created", "pre_processed", "confirmed"];

/**
 * Batch jobs (Medusa v1): created → pre_processed (checked) → confirmed → processing →
 * completed, or failed / canceled. A job that is not a dry run is confirmed as soon as it
 * is pre-processed. The work runs in the module's subscriber, on the event bus (BullMQ
 * with Redis, in-process without): each step claims the job by its status under a row
 * lock, so a redelivered event never runs a job twice.
 */
export default class BatchJobService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filter: BatchJobFilter, page: { offset: number; limit: number }): Promise<[BatchJob[], number]> {
    return this.unitOfWork.read((manager) => {
      const qb = manager.createQueryBuilder(BatchJob, "b");
      if (filter.created_by) qb.andWhere("b.created_by = :by", { by: filter.created_by });
      if (filter.type?.length) qb.andWhere("b.type IN (:...types)", { types: filter.type });
      if (filter.status?.length) qb.andWhere("b.status IN (:...statuses)", { statuses: filter.status });
      return qb.orderBy("b.created_at", NEWEST_FIRST.created_at).addOrderBy("b.id", "DESC").skip(page.offset).take(page.limit).getManyAndCount();
    });
  }

  retrieve(id: string): Promise<BatchJob> {
    return this.unitOfWork.read((manager) => this.load(manager, id));
  }

  /** Creates a job (an import's file must exist under `uploads/`); its pre-processing follows on `batch.created`. */
  create(input: BatchJobInput): Promise<BatchJob> {
    if (input.type === "product-import") {
      if (typeof input.context.fileKey !== "string") {
        throw new InvalidDataError("context.fileKey: a product import needs the key of its CSV file under uploads/", { field: "context.fileKey" });
      }
      readUpload(this.cradle.config.projectDir, input.context.fileKey);
    }
    return this.unitOfWork.run(async (tx) => {
      const job = await tx.manager.save(tx.manager.create(BatchJob, { ...input, status: "created", result: null }));
      tx.emit("batch.created", { id: job.id });
      return job;
    });
  }

  /** pre_processed → confirmed; any other status is a 422. */
  confirm(id: string): Promise<BatchJob> {
    return this.transition(id, (job) => {
      if (job.status !== "pre_processed") {
        throw new UnprocessableError(`Cannot confirm a batch job with status "${job.status}": it must be pre_processed`, "batch_job_not_pre_processed");
      }
      return "confirmed";
    });
  }

  /** Cancels a job that has not started processing; a processing, completed, failed or canceled one is a 422. */
  cancel(id: string): Promise<BatchJob> {
    return this.transition(id, (job) => {
      if (!CANCELABLE.includes(job.status)) {
        throw new UnprocessableError(`Cannot cancel a batch job with status "${job.status}"`, "batch_job_not_cancelable");
      }
      return "canceled";
    });
  }

  /** The subscriber's first step: checks the job's input; a job not in `created` is left alone. */
  async preProcess(id: string): Promise<void> {
    const job = await this.retrieve(id);
    if (job.status !== "created") return;
    const outcome = await this.attempt(() => RUNNERS[job.type].preProcess(this.cradle, job));
    await this.unitOfWork.run(async (tx) => {
      const locked = await lockRow(tx.manager, BatchJob, id);
      if (!locked || locked.status !== "created") return;
      if ("errors" in outcome) return this.fail(tx, locked, outcome.errors);
      const now = new Date();
      Object.assign(locked, { status: "pre_processed", pre_processed_at: now, result: outcome.result });
      if (!locked.dry_run) Object.assign(locked, { status: "confirmed", confirmed_at: now });
      await tx.manager.save(BatchJob, locked);
      tx.emit("batch.pre_processed", { id });
      if (!locked.dry_run) tx.emit("batch.confirmed", { id });
    });
  }

  /** The subscriber's second step: claims a confirmed job (confirmed → processing), runs it, records the outcome. */
  async process(id: string): Promise<void> {
    const claimed = await this.unitOfWork.run(async (tx) => {
      const job = await lockRow(tx.manager, BatchJob, id);
      if (!job || job.status !== "confirmed") return null;
      Object.assign(job, { status: "processing", processing_at: new Date() });
      return tx.manager.save(BatchJob, job);
    });
    if (!claimed) return;
    const base = claimed.result ?? {};
    const outcome = await this.attempt(() =>
      RUNNERS[claimed.type].process(this.cradle, claimed, (done, total) => this.progress(id, { ...base, count: total, advancement_count: done, progress: total ? done / total : 1 })),
    );
    await this.unitOfWork.run(async (tx) => {
      const job = await lockRow(tx.manager, BatchJob, id);
      if (!job || job.status !== "processing") return;
      if ("errors" in outcome) return this.fail(tx, job, outcome.errors);
      Object.assign(job, { status: "completed", completed_at: new Date(), result: { ...base, ...outcome.result } });
      await tx.manager.save(BatchJob, job);
      tx.emit("batch.completed", { id });
    });
  }

  /**
   * A product CSV imported at once, without a job row (`kiosk import products`); a bad
   * file is a 400 `invalid_import_file` naming its bad lines, and nothing is imported.
   */
  async importProducts(text: string, onProgress?: OnProgress): Promise<ImportSummary> {
    try {
      return await importProducts(this.cradle, text, onProgress);
    } catch (err) {
      if (err instanceof BatchJobFailure) throw new InvalidDataError(err.message, { code: "invalid_import_file" });
      throw err;
    }
  }

  private async progress(id: string, result: BatchJobResult): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const job = await lockRow(tx.manager, BatchJob, id);
      if (job?.status !== "processing") return;
      job.result = result;
      await tx.manager.save(BatchJob, job);
    });
  }

  private async attempt(work: () => Promise<BatchJobResult>): Promise<{ result: BatchJobResult } | { errors: BatchJobError[] }> {
    try {
      return { result: await work() };
    } catch (err) {
      if (err instanceof BatchJobFailure) return { errors: err.errors };
      if (err instanceof KioskError) return { errors: [{ message: err.message, code: err.code }] };
      this.cradle.logger.error({ err }, "batch job failed");
      return { errors: [{ message: "the job failed unexpectedly; see the server log", code: "unexpected_error" }] };
    }
  }

  private async fail(tx: TransactionContext, job: BatchJob, errors: BatchJobError[]): Promise<void> {
    Object.assign(job, { status: "failed", failed_at: new Date(), result: { ...(job.result ?? {}), errors } });
    await tx.manager.save(BatchJob, job);
    tx.emit("batch.failed", { id: job.id });
  }

  private transition(id: string, next: (job: BatchJob) => "confirmed" | "canceled"): Promise<BatchJob> {
    return this.unitOfWork.run(async (tx) => {
      const job = await lockRow(tx.manager, BatchJob, id);
      if (!job) throw new NotFoundError(`Batch job with id ${id} was not found`);
      const status = next(job);
      Object.assign(job, { status, [`${status}_at`]: new Date() });
      const saved = await tx.manager.save(BatchJob, job);
      tx.emit(`batch.${status}`, { id });
      return saved;
    });
  }

  private async load(manager: EntityManager, id: string): Promise<BatchJob> {
    const job = await manager.findOneBy(BatchJob, { id });
    if (!job) throw new NotFoundError(`Batch job with id ${id} was not found`);
    return job;
  }
}
