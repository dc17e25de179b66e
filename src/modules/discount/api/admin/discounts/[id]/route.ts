import { withValidation, type KioskRequest, type KioskResponse } from "kiosk";
import type DiscountService from "../../../../services/discount";
import { updateDiscount } from "../validators";

export async function GET(req: KioskRequest, res: KioskResponse) {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").retrieve(req.params.id) });
}

/** Changes a discount (code, rule value/allocation, regions, dates, limit, disabled): `{ discount }`. */
export const POST = withValidation({ body: updateDiscount }, async (req, res: KioskResponse) => {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").update(req.params.id, req.validatedBody) });
});

export async function DELETE(req: KioskRequest, res: KioskResponse) {
  await req.scope.resolve<DiscountService>("discountService").delete(req.params.id);
  res.json({ id: req.params.id, object: "discount", deleted: true });
}
