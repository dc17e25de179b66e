import { withValidation, type KioskResponse } from "kiosk";
import { ADMIN_PRODUCT_RELATIONS, productSelection } from "../../../../../lib/product-relations";
import type ProductOptionService from "../../../../../services/product-option";
import { productResponse } from "../../../../schemas";
import { optionBody } from "./validators";

/** Adds an option; each variant gets the value `Default Value` for it: `{ product }`. */
export const POST = withValidation({ body: optionBody, response: productResponse }, async (req, res: KioskResponse) => {
  const selection = productSelection({}, ADMIN_PRODUCT_RELATIONS);
  const product = await req.scope.resolve<ProductOptionService>("productOptionService").add(req.params.id, req.validatedBody.title, selection);
  res.json({ product });
});
