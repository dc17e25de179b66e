import { withValidation, type KioskResponse } from "kiosk";
import { ADMIN_PRODUCT_RELATIONS, productSelection } from "../../../../../lib/product-relations";
import type ProductService from "../../../../../services/product";
import { productResponse } from "../../../../schemas";
import { setMetadata } from "../../validators";

/** Sets one metadata key (Medusa's `setMetadata`; `""` removes it), merged as a product update merges: `{ product }`. */
export const POST = withValidation({ body: setMetadata, response: productResponse }, async (req, res: KioskResponse) => {
  const { key, value } = req.validatedBody;
  const selection = productSelection({}, ADMIN_PRODUCT_RELATIONS);
  const product = await req.scope.resolve<ProductService>("productService").update(req.params.id, { metadata: { [key]: value } }, selection);
  res.json({ product });
});
