import { withValidation, z, type KioskResponse } from "kiosk";
import { ADMIN_PRODUCT_RELATIONS, productSelection } from "../../../../../../lib/product-relations";
import type ProductOptionService from "../../../../../../services/product-option";
import { Product, productResponse } from "../../../../../schemas";
import { optionBody } from "../validators";

/** Renames an option: `{ product }`. */
export const POST = withValidation({ body: optionBody, response: productResponse }, async (req, res: KioskResponse) => {
  const selection = productSelection({}, ADMIN_PRODUCT_RELATIONS);
  const product = await req.scope
    .resolve<ProductOptionService>("productOptionService")
    .update(req.params.id, req.params.option_id, req.validatedBody.title, selection);
  res.json({ product });
});

const optionDeleted = z.looseObject({ option_id: z.string(), object: z.literal("option"), deleted: z.literal(true), product: Product });

/** Removes an option with its values, when no variants would become duplicates: `{ option_id, object, deleted, product }`. */
export const DELETE = withValidation({ response: optionDeleted }, async (req, res: KioskResponse) => {
  const selection = productSelection({}, ADMIN_PRODUCT_RELATIONS);
  const product = await req.scope.resolve<ProductOptionService>("productOptionService").delete(req.params.id, req.params.option_id, selection);
  res.json({ option_id: req.params.option_id, object: "option", deleted: true, product });
});
