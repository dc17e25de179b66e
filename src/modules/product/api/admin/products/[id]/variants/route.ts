import { listEnvelope, responses, withValidation, type KioskResponse } from "kiosk";
import { ProductVariant, productResponse } from "../../../../schemas";
import { ADMIN_PRODUCT_RELATIONS, productSelection } from "../../../../../lib/product-relations";
import type ProductVariantService from "../../../../../services/product-variant";
import { createVariant, listVariants } from "./validators";

/** The product's variants with prices and option values: `{ variants, count, offset, limit }`. */
export const GET = withValidation({ query: listVariants, response: responses.list("variants", ProductVariant) }, async (req, res: KioskResponse) => {
  const [variants, count] = await req.scope
    .resolve<ProductVariantService>("productVariantService")
    .list(req.params.id, req.validatedQuery);
  res.json(listEnvelope("variants", variants, count, req.validatedQuery));
});

/** Adds a variant: `{ product }`. */
export const POST = withValidation({ body: createVariant, response: productResponse }, async (req, res: KioskResponse) => {
  const selection = productSelection({}, ADMIN_PRODUCT_RELATIONS);
  const product = await req.scope
    .resolve<ProductVariantService>("productVariantService")
    .create(req.params.id, req.validatedBody, selection);
  res.json({ product });
});
