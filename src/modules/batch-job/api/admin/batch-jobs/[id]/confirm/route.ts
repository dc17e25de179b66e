import { withValidation, type KioskResponse } from "kiosk";
import { batchJobResponse } from "../../../../schemas";
import { noInput } from "../../validators";

/** pre_processed → confirmed: the job then runs (a dry run waits here). */
export const POST = withValidation({ body: noInput, response: batchJobResponse }, async (req, res: KioskResponse) => {
  res.json({ batch_job: await req.scope.resolve("batchJobService").confirm(req.params.id) });
});
