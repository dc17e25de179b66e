import { listQuery, stringList, z } from "kiosk";
import { BATCH_JOB_TYPES } from "../../../models/batch-job";

/** Medusa v1's list: the signed-in user's jobs, newest first, 10 a page. */
export const listBatchJobs = listQuery({ type: stringList.optional() }, 10, 100);

/** `context` is the job's input (`fileKey` of an import's CSV under uploads/); at most 10 kB of JSON. */
const context = z
  .record(z.string().max(100), z.unknown())
  .refine((c) => JSON.stringify(c).length <= 10_000, "must be at most 10,000 characters of JSON");

export const createBatchJob = z.strictObject({
  type: z.enum(BATCH_JOB_TYPES),
  context,
  dry_run: z.boolean().default(false),
});

/** Confirm and cancel take no input: any field is a 400. */
export const noInput = z.strictObject({});
