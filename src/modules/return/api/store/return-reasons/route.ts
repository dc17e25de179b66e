import { withValidation, type KioskResponse } from "kiosk";
import type ReturnReasonService from "../../../services/return-reason";
import { returnReasonList } from "../../schemas";

export const GET = withValidation({ response: returnReasonList }, async (req, res: KioskResponse) => {
  res.json({ return_reasons: await req.scope.resolve<ReturnReasonService>("returnReasonService").list() });
});
