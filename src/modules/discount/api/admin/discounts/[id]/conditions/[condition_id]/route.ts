import { withValidation, type KioskResponse } from "kiosk";
import type DiscountService from "../../../../../../services/discount";
import type DiscountConditionService from "../../../../../../services/discount-condition";
import { conditionDeleted, conditionResponse, discountResponse } from "../../../../../schemas";
import { updateCondition } from "../../../validators";

const conditions = (req: { scope: { resolve<T>(name: string): T } }) => req.scope.resolve<DiscountConditionService>("discountConditionService");
const discounts = (req: { scope: { resolve<T>(name: string): T } }) => req.scope.resolve<DiscountService>("discountService");

/** A condition of the discount with the ids it names: `{ discount_condition }`. */
export const GET = withValidation({ response: conditionResponse }, async (req, res: KioskResponse) => {
  res.json({ discount_condition: await conditions(req).retrieve(req.params.id, req.params.condition_id) });
});

/** Replaces the ids the condition names (the list of its type; another type is a 400): `{ discount }`. */
export const POST = withValidation({ body: updateCondition, response: discountResponse }, async (req, res: KioskResponse) => {
  await conditions(req).update(req.params.id, req.params.condition_id, req.validatedBody);
  res.json({ discount: await discounts(req).retrieve(req.params.id) });
});

/** Deletes the condition (one already gone is not an error): `{ id, object, deleted, discount }`. */
export const DELETE = withValidation({ response: conditionDeleted }, async (req, res: KioskResponse) => {
  await conditions(req).delete(req.params.id, req.params.condition_id);
  const discount = await discounts(req).retrieve(req.params.id);
  res.json({ id: req.params.condition_id, object: "discount-condition", deleted: true, discount });
});
