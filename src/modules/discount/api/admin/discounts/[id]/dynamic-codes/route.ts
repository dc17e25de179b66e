import { withValidation, type KioskResponse } from "kiosk";
import type DiscountService from "../../../../../services/discount";
import { discountResponse } from "../../../../schemas";
import { createDynamicCode } from "../../validators";

/** Makes a dynamic code of a dynamic discount: `{ discount }`, the new code (as Medusa v1 answers). */
export const POST = withValidation({ body: createDynamicCode, response: discountResponse }, async (req, res: KioskResponse) => {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").createDynamicCode(req.params.id, req.validatedBody) });
});
