import { withValidation, type KioskResponse } from "kiosk";
import type DiscountService from "../../../../../../services/discount";
import { discountResponse } from "../../../../../schemas";

/** Deletes a dynamic code of the discount (an unknown code is not an error): `{ discount }`, the parent. */
export const DELETE = withValidation({ response: discountResponse }, async (req, res: KioskResponse) => {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").deleteDynamicCode(req.params.id, req.params.code) });
});
