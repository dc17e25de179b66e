import { Column, Entity, Index, KioskEntity } from "kiosk";

export const BATCH_JOB_TYPES = ["product-import", "product-export", "order-export"] as const;
export type BatchJobType = (typeof BATCH_JOB_TYPES)[number];

export const BATCH_JOB_STATUSES = ["created", "pre_processed", "confirmed", "processing", "completed", "canceled", "failed"] as const;
export type BatchJobStatus = (typeof BATCH_JOB_STATUSES)[number];

/** One error of a job: what went wrong, and for an import the CSV line it is about. */
export interface BatchJobError {
  message: string;
  code: string;
  line?: number;
}

/** What a job reports as it runs and when it is done (Medusa v1's `result`). */
export interface BatchJobResult {
  count?: number;
  advancement_count?: number;
  progress?: number;
  errors?: BatchJobError[];
  /** An export's file, relative to the project's `uploads/` folder. */
  file_key?: string;
  file_size?: number;
  [key: string]: unknown;
}

/** An asynchronous import or export, as Medusa v1's batch job. */
@Entity("batch_job")
export class BatchJob extends KioskEntity {
  static idPrefix = "batch";

  @Column({ type: "varchar" })
  type: BatchJobType;

  @Index()
  @Column({ type: "varchar", default: "created" })
  status: BatchJobStatus;

  /** The admin user who created it. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  created_by: string | null;

  @Column({ type: "jsonb", nullable: true })
  context: Record<string, unknown> | null;

  @Column({ type: "jsonb", nullable: true })
  result: BatchJobResult | null;

  @Column({ type: "boolean", default: false })
  dry_run: boolean;

  @Column({ type: "datetime", nullable: true })
  pre_processed_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  confirmed_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  processing_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  completed_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  failed_at: Date | null;

  @Column({ type: "datetime", nullable: true })
  canceled_at: Date | null;
}
