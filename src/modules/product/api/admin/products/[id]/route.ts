import { withValidation, type KioskResponse, responses } from "kiosk";
import { pickFields } from "../../../../lib/product-loader";
import { ADMIN_PRODUCT_RELATIONS, productSelection } from "../../../../lib/product-relations";
import type ProductService from "../../../../services/product";
import { retrieveProduct, updateProduct } from "../validators";
import { productResponse } from "../../../schemas";

export const GET = withValidation({ query: retrieveProduct, response: productResponse }, async (req, res: KioskResponse) => {
  const selection = productSelection(req.validatedQuery, ADMIN_PRODUCT_RELATIONS);
  const product = await req.scope.resolve<ProductService>("productService").retrieve(req.params.id, selection);
  res.json({ product: pickFields(product, selection.fields) });
});

export const POST = withValidation({ body: updateProduct, response: productResponse }, async (req, res: KioskResponse) => {
  const selection = productSelection({}, ADMIN_PRODUCT_RELATIONS);
  res.json({ product: await req.scope.resolve<ProductService>("productService").update(req.params.id, req.validatedBody, selection) });
});

/** Deletes the product with its options, variants, prices, images and links. */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<ProductService>("productService").delete(req.params.id);
  res.json({ id: req.params.id, object: "product", deleted: true });
});
