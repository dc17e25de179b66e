import { responses, withValidation, type KioskResponse } from "kiosk";
import type ReturnReasonService from "../../../../services/return-reason";
import { updateReturnReason } from "../validators";
import { returnReasonResponse } from "../../../schemas";

export const GET = withValidation({ response: returnReasonResponse }, async (req, res: KioskResponse) => {
  res.json({ return_reason: await req.scope.resolve<ReturnReasonService>("returnReasonService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateReturnReason, response: returnReasonResponse }, async (req, res: KioskResponse) => {
  res.json({ return_reason: await req.scope.resolve<ReturnReasonService>("returnReasonService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<ReturnReasonService>("returnReasonService").delete(req.params.id);
  res.json({ id: req.params.id, object: "return_reason", deleted: true });
});
