import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import { pickFields } from "../../../lib/product-loader";
import { ADMIN_PRODUCT_RELATIONS, productSelection } from "../../../lib/product-relations";
import type ProductService from "../../../services/product";
import { createProduct, listProducts } from "./validators";
import { productList, productResponse } from "../../schemas";

/** `{ products, count, offset, limit }`, any status. */
export const GET = withValidation({ query: listProducts, response: productList }, async (req, res: KioskResponse) => {
  const { offset, limit, order, expand, fields, ...filters } = req.validatedQuery;
  const selection = productSelection({ expand, fields }, ADMIN_PRODUCT_RELATIONS);
  const [products, count] = await req.scope.resolve<ProductService>("productService").list(filters, { offset, limit, order }, selection);
  res.json(listEnvelope("products", products.map((p) => pickFields(p, selection.fields)), count, { offset, limit }));
});

/** Creates a product with its options, variants, prices, images, tags and categories: `{ product }`. */
export const POST = withValidation({ body: createProduct, response: productResponse }, async (req, res: KioskResponse) => {
  res.status(200).json({ product: await req.scope.resolve<ProductService>("productService").create(req.validatedBody) });
});
