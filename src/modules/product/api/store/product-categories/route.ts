import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type ProductCategoryService from "../../../services/product-category";
import { listStoreCategories } from "./validators";
import { categoryList } from "../../schemas";

/** Active, public categories: `{ product_categories, count, offset, limit }`. */
export const GET = withValidation({ query: listStoreCategories, response: categoryList }, async (req, res: KioskResponse) => {
  const { offset, limit, order: _o, expand: _e, fields: _f, include_descendants_tree, ...filters } = req.validatedQuery;
  const [categories, count] = await req.scope
    .resolve<ProductCategoryService>("productCategoryService")
    .list(filters, { offset, limit }, { scope: "store", include_descendants_tree });
  res.json(listEnvelope("product_categories", categories, count, { offset, limit }));
});
