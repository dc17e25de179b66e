import { withValidation, type KioskResponse } from "kiosk";
import type DiscountService from "../../../../../services/discount";
import type DiscountConditionService from "../../../../../services/discount-condition";
import { discountResponse } from "../../../../schemas";
import { createCondition } from "../../validators";

/** Adds a condition to the discount's rule: `{ discount }`. */
export const POST = withValidation({ body: createCondition, response: discountResponse }, async (req, res: KioskResponse) => {
  await req.scope.resolve<DiscountConditionService>("discountConditionService").create(req.params.id, req.validatedBody);
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").retrieve(req.params.id) });
});
