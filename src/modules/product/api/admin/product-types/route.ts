import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type ProductTypeService from "../../../services/product-type";
import { listTypes } from "./validators";
import { typeList } from "../../schemas";

/** `{ product_types, count, offset, limit }`. */
export const GET = withValidation({ query: listTypes, response: typeList }, async (req, res: KioskResponse) => {
  const { offset, limit, order: _o, expand: _e, fields: _f, ...filters } = req.validatedQuery;
  const [types, count] = await req.scope.resolve<ProductTypeService>("productTypeService").list(filters, { offset, limit });
  res.json(listEnvelope("product_types", types, count, { offset, limit }));
});
