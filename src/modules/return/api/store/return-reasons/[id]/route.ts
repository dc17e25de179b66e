import { withValidation, type KioskResponse } from "kiosk";
import type ReturnReasonService from "../../../../services/return-reason";
import { returnReasonResponse } from "../../../schemas";

export const GET = withValidation({ response: returnReasonResponse }, async (req, res: KioskResponse) => {
  res.json({ return_reason: await req.scope.resolve<ReturnReasonService>("returnReasonService").retrieve(req.params.id) });
});
