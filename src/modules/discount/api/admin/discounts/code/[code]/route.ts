import { withValidation, type KioskResponse } from "kiosk";
import type DiscountService from "../../../../../services/discount";
import { discountResponse } from "../../../../schemas";

/** A discount by its code (any case): `{ discount }`. */
export const GET = withValidation({ response: discountResponse }, async (req, res: KioskResponse) => {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").retrieveByCode(req.params.code) });
});
