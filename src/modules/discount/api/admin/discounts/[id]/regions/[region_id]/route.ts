import type { KioskRequest, KioskResponse } from "kiosk";
import type DiscountService from "../../../../../../services/discount";

/** Makes the code valid in one more region: `{ discount }`. */
export async function POST(req: KioskRequest, res: KioskResponse) {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").addRegion(req.params.id, req.params.region_id) });
}

/** Stops the code in a region: `{ discount }`. */
export async function DELETE(req: KioskRequest, res: KioskResponse) {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").removeRegion(req.params.id, req.params.region_id) });
}
