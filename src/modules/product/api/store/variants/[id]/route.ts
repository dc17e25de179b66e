import { withValidation, type KioskResponse } from "kiosk";
import { signedInCustomer } from "../../../../lib/signed-in-customer";
import { PUBLISHED } from "../../../../lib/variant-list";
import { keyProducts } from "../../../../lib/store-scope";
import type PriceSelectionService from "../../../../services/price-selection";
import type ProductVariantService from "../../../../services/product-variant";
import { retrieveStoreVariant } from "../validators";
import { storeVariantResponse } from "../../../schemas";

/** A variant of a published product with its prices, option values, product and calculated price: `{ variant }`. */
export const GET = withValidation({ query: retrieveStoreVariant, response: storeVariantResponse }, async (req, res: KioskResponse) => {
  const pricing = req.scope.resolve<PriceSelectionService>("priceSelectionService");
  const context = await pricing.context({ ...req.validatedQuery, customer_id: signedInCustomer(req) });
  const variant = await req.scope.resolve<ProductVariantService>("productVariantService").retrieve(req.params.id, PUBLISHED, keyProducts(req));
  await pricing.setVariantPrices([{ id: variant.product_id, variants: [variant] }], context);
  res.json({ variant });
});
