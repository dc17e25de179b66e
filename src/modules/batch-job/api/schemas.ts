import { responses, z } from "kiosk";
import { BATCH_JOB_STATUSES, BATCH_JOB_TYPES } from "../models/batch-job";

const { timestamp } = responses;
const at = timestamp.nullable();

/** An import or export run in the background (Medusa v1's BatchJob). */
export const BatchJob = z
  .looseObject({
    id: z.string(),
    type: z.enum(BATCH_JOB_TYPES),
    status: z.enum(BATCH_JOB_STATUSES),
    created_by: z.string().nullable(),
    context: z.record(z.string(), z.unknown()).nullable(),
    result: z
      .looseObject({
        count: z.number().optional(),
        advancement_count: z.number().optional(),
        progress: z.number().optional(),
        errors: z.array(z.looseObject({ message: z.string(), code: z.string(), line: z.number().optional() })).optional(),
        file_key: z.string().optional(),
        file_size: z.number().optional(),
      })
      .nullable(),
    dry_run: z.boolean(),
    pre_processed_at: at,
    confirmed_at: at,
    processing_at: at,
    completed_at: at,
    failed_at: at,
    canceled_at: at,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "BatchJob" });

export const batchJobResponse = z.looseObject({ batch_job: BatchJob });
export const batchJobList = responses.list("batch_jobs", BatchJob);
