import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type ProductVariantService from "../../../services/product-variant";
import { listAdminVariants } from "./validators";
import { adminVariantList } from "../../schemas";

/** Variants of every product, with prices, option values and product: `{ variants, count, offset, limit }`. */
export const GET = withValidation({ query: listAdminVariants, response: adminVariantList }, async (req, res: KioskResponse) => {
  const { offset, limit, q, id } = req.validatedQuery;
  const [variants, count] = await req.scope.resolve<ProductVariantService>("productVariantService").listAll({ q, id }, { offset, limit });
  res.json(listEnvelope("variants", variants, count, { offset, limit }));
});
