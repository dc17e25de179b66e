import { withValidation, type KioskResponse, responses } from "kiosk";
import type ProductCategoryService from "../../../../services/product-category";
import { retrieveCategory, updateCategory } from "../validators";
import { categoryResponse } from "../../../schemas";

export const GET = withValidation({ query: retrieveCategory, response: categoryResponse }, async (req, res: KioskResponse) => {
  const category = await req.scope
    .resolve<ProductCategoryService>("productCategoryService")
    .retrieve(req.params.id, { scope: "admin", include_descendants_tree: req.validatedQuery.include_descendants_tree });
  res.json({ product_category: category });
});

export const POST = withValidation({ body: updateCategory, response: categoryResponse }, async (req, res: KioskResponse) => {
  const category = await req.scope
    .resolve<ProductCategoryService>("productCategoryService")
    .update(req.params.id, req.validatedBody);
  res.json({ product_category: category });
});

/** Deletes a category without children (a 409 otherwise). */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<ProductCategoryService>("productCategoryService").delete(req.params.id);
  res.json({ id: req.params.id, object: "product-category", deleted: true });
});
