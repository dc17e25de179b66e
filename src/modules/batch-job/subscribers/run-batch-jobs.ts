import { defineSubscriber } from "kiosk";

/**
 * Runs batch jobs on the event bus (BullMQ with Redis, in-process without): a created job
 * is pre-processed, a confirmed one processed. One attempt each: a job records its own
 * failure, and the service's status claims make a redelivered event a no-op.
 */
export default defineSubscriber(
  ["batch.created", "batch.confirmed"],
  async ({ eventName, data, container }) => {
    const batchJobs = container.resolve("batchJobService");
    if (eventName === "batch.created") await batchJobs.preProcess(data.id);
    else await batchJobs.process(data.id);
  },
  { attempts: 1 },
);
