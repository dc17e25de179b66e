import type { KioskRequest, KioskResponse } from "kiosk";
import type DiscountService from "../../../../../services/discount";

/** A discount by its code (any case): `{ discount }`. */
export async function GET(req: KioskRequest, res: KioskResponse) {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").retrieveByCode(req.params.code) });
}
