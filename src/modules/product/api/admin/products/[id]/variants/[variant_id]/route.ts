import { withValidation, z, type KioskResponse } from "kiosk";
import { Product, productResponse } from "../../../../../schemas";
import { ADMIN_PRODUCT_RELATIONS, productSelection } from "../../../../../../lib/product-relations";
import type ProductVariantService from "../../../../../../services/product-variant";
import { updateVariant } from "../validators";

/** Changes a variant (`prices` replaces all of them): `{ product }`. */
export const POST = withValidation({ body: updateVariant, response: productResponse }, async (req, res: KioskResponse) => {
  const selection = productSelection({}, ADMIN_PRODUCT_RELATIONS);
  const product = await req.scope
    .resolve<ProductVariantService>("productVariantService")
    .update(req.params.id, req.params.variant_id, req.validatedBody, selection);
  res.json({ product });
});

/** Removes a variant: `{ variant_id, object, deleted, product }`. */
const variantDeleted = z.looseObject({ variant_id: z.string(), object: z.literal("product-variant"), deleted: z.literal(true), product: Product });

export const DELETE = withValidation({ response: variantDeleted }, async (req, res: KioskResponse) => {
  const selection = productSelection({}, ADMIN_PRODUCT_RELATIONS);
  const product = await req.scope
    .resolve<ProductVariantService>("productVariantService")
    .delete(req.params.id, req.params.variant_id, selection);
  res.json({ variant_id: req.params.variant_id, object: "product-variant", deleted: true, product });
});
