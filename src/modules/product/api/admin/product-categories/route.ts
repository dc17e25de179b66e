import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type ProductCategoryService from "../../../services/product-category";
import { createCategory, listCategories } from "./validators";
import { categoryList, categoryResponse } from "../../schemas";

/** Every category, with `parent_category` and `category_children`: `{ product_categories, count, offset, limit }`. */
export const GET = withValidation({ query: listCategories, response: categoryList }, async (req, res: KioskResponse) => {
  const { offset, limit, order: _o, expand: _e, fields: _f, include_descendants_tree, ...filters } = req.validatedQuery;
  const [categories, count] = await req.scope
    .resolve<ProductCategoryService>("productCategoryService")
    .list(filters, { offset, limit }, { scope: "admin", include_descendants_tree });
  res.json(listEnvelope("product_categories", categories, count, { offset, limit }));
});

/** `{ product_category }`; new categories are inactive and public unless told otherwise, as in Medusa. */
export const POST = withValidation({ body: createCategory, response: categoryResponse }, async (req, res: KioskResponse) => {
  const category = await req.scope.resolve<ProductCategoryService>("productCategoryService").create(req.validatedBody);
  res.json({ product_category: category });
});
