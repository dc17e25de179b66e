import { withValidation, type KioskResponse } from "kiosk";
import type ReturnReasonService from "../../../services/return-reason";
import { createReturnReason } from "./validators";
import { returnReasonList, returnReasonResponse } from "../../schemas";

export const GET = withValidation({ response: returnReasonList }, async (req, res: KioskResponse) => {
  res.json({ return_reasons: await req.scope.resolve<ReturnReasonService>("returnReasonService").list() });
});

export const POST = withValidation({ body: createReturnReason, response: returnReasonResponse }, async (req, res: KioskResponse) => {
  res.json({ return_reason: await req.scope.resolve<ReturnReasonService>("returnReasonService").create(req.validatedBody) });
});
