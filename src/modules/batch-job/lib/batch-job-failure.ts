import type { BatchJobError } from "../models/batch-job";

/** A job that cannot go on: its errors are stored in `result.errors` and the job is `failed`. */
export class BatchJobFailure extends Error {
  constructor(readonly errors: BatchJobError[]) {
    super(errors.map((e) => (e.line ? `line ${e.line}: ${e.message}` : e.message)).join("; "));
  }
}
