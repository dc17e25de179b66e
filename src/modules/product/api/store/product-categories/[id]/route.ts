import { withValidation, type KioskResponse } from "kiosk";
import type ProductCategoryService from "../../../../services/product-category";
import { retrieveStoreCategory } from "../validators";
import { categoryResponse } from "../../../schemas";

/** An active, public category: `{ product_category }`; others are a 404. */
export const GET = withValidation({ query: retrieveStoreCategory, response: categoryResponse }, async (req, res: KioskResponse) => {
  const category = await req.scope
    .resolve<ProductCategoryService>("productCategoryService")
    .retrieve(req.params.id, { scope: "store", include_descendants_tree: req.validatedQuery.include_descendants_tree });
  res.json({ product_category: category });
});
