import { withValidation, type KioskResponse, responses } from "kiosk";
import type DiscountService from "../../../../services/discount";
import { updateDiscount } from "../validators";
import { discountResponse } from "../../../schemas";

export const GET = withValidation({ response: discountResponse }, async (req, res: KioskResponse) => {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").retrieve(req.params.id) });
});

/** Changes a discount (code, rule value/allocation, regions, dates, limit, disabled): `{ discount }`. */
export const POST = withValidation({ body: updateDiscount, response: discountResponse }, async (req, res: KioskResponse) => {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<DiscountService>("discountService").delete(req.params.id);
  res.json({ id: req.params.id, object: "discount", deleted: true });
});
