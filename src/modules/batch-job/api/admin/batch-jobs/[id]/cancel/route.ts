import { withValidation, type KioskResponse } from "kiosk";
import { batchJobResponse } from "../../../../schemas";
import { noInput } from "../../validators";

/** Cancels a job that has not started processing. */
export const POST = withValidation({ body: noInput, response: batchJobResponse }, async (req, res: KioskResponse) => {
  res.json({ batch_job: await req.scope.resolve("batchJobService").cancel(req.params.id) });
});
