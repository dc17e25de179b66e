import { withValidation, type KioskResponse } from "kiosk";
import type DiscountService from "../../../../../../services/discount";
import { discountResponse } from "../../../../../schemas";

/** Makes the code valid in one more region: `{ discount }`. */
export const POST = withValidation({ response: discountResponse }, async (req, res: KioskResponse) => {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").addRegion(req.params.id, req.params.region_id) });
});

/** Stops the code in a region: `{ discount }`. */
export const DELETE = withValidation({ response: discountResponse }, async (req, res: KioskResponse) => {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").removeRegion(req.params.id, req.params.region_id) });
});
