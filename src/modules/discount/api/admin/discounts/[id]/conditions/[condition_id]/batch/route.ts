import { withValidation, type KioskResponse } from "kiosk";
import type DiscountService from "../../../../../../../services/discount";
import type DiscountConditionService from "../../../../../../../services/discount-condition";
import { discountResponse } from "../../../../../../schemas";
import { conditionBatch } from "../../../../validators";

function batchRoute(mode: "add" | "remove") {
  return withValidation({ body: conditionBatch, response: discountResponse }, async (req, res: KioskResponse) => {
    const ids = req.validatedBody.resources.map((r) => r.id);
    await req.scope.resolve<DiscountConditionService>("discountConditionService").changeIds(req.params.id, req.params.condition_id, ids, mode);
    res.json({ discount: await req.scope.resolve<DiscountService>("discountService").retrieve(req.params.id) });
  });
}

/** Adds resources (`{ resources: [{ id }] }`) to the condition: `{ discount }`. */
export const POST = batchRoute("add");

/** Takes resources (`{ resources: [{ id }] }`) off the condition: `{ discount }`. */
export const DELETE = batchRoute("remove");
