import { withValidation, type KioskResponse } from "kiosk";
import type ProductVariantService from "../../../../services/product-variant";
import { adminVariantResponse } from "../../../schemas";

/** A variant of any product (any status) with its prices, option values and product: `{ variant }`. */
export const GET = withValidation({ response: adminVariantResponse }, async (req, res: KioskResponse) => {
  res.json({ variant: await req.scope.resolve<ProductVariantService>("productVariantService").retrieve(req.params.id) });
});
