import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type ProductTagService from "../../../services/product-tag";
import { listStoreTags } from "./validators";
import { tagList } from "../../schemas";

/** `{ product_tags, count, offset, limit }`. */
export const GET = withValidation({ query: listStoreTags, response: tagList }, async (req, res: KioskResponse) => {
  const { offset, limit, order: _o, expand: _e, fields: _f, ...filters } = req.validatedQuery;
  const [tags, count] = await req.scope.resolve<ProductTagService>("productTagService").list(filters, { offset, limit });
  res.json(listEnvelope("product_tags", tags, count, { offset, limit }));
});
