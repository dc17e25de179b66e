import { withValidation, type KioskResponse } from "kiosk";
import { batchJobResponse } from "../../../schemas";

export const GET = withValidation({ response: batchJobResponse }, async (req, res: KioskResponse) => {
  res.json({ batch_job: await req.scope.resolve("batchJobService").retrieve(req.params.id) });
});
