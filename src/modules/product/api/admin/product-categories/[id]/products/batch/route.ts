import { withValidation, type KioskResponse } from "kiosk";
import type ProductCategoryService from "../../../../../../services/product-category";
import { categoryResponse } from "../../../../../schemas";
import { categoryBatch } from "../../../validators";

/** Links the products to the category: `{ product_category }`. */
export const POST = withValidation({ body: categoryBatch, response: categoryResponse }, async (req, res: KioskResponse) => {
  const ids = req.validatedBody.product_ids.map((p) => p.id);
  res.json({ product_category: await req.scope.resolve<ProductCategoryService>("productCategoryService").batchProducts(req.params.id, ids, true) });
});

/** Unlinks the products from the category: `{ product_category }`. */
export const DELETE = withValidation({ body: categoryBatch, response: categoryResponse }, async (req, res: KioskResponse) => {
  const ids = req.validatedBody.product_ids.map((p) => p.id);
  res.json({ product_category: await req.scope.resolve<ProductCategoryService>("productCategoryService").batchProducts(req.params.id, ids, false) });
});
