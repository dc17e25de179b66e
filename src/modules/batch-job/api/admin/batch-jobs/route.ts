import { listEnvelope, requireActorId, withValidation, type KioskResponse } from "kiosk";
import { batchJobList, batchJobResponse } from "../../schemas";
import { createBatchJob, listBatchJobs } from "./validators";

export const GET = withValidation({ query: listBatchJobs, response: batchJobList }, async (req, res: KioskResponse) => {
  const { type, offset, limit } = req.validatedQuery;
  const created_by = requireActorId(req, "user");
  const [jobs, count] = await req.scope.resolve("batchJobService").list({ created_by, type }, { offset, limit });
  res.json(listEnvelope("batch_jobs", jobs, count, { offset, limit }));
});

export const POST = withValidation({ body: createBatchJob, response: batchJobResponse }, async (req, res: KioskResponse) => {
  const created_by = requireActorId(req, "user");
  const batch_job = await req.scope.resolve("batchJobService").create({ ...req.validatedBody, created_by });
  res.json({ batch_job });
});
