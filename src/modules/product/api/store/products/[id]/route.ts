import { withValidation, type KioskResponse } from "kiosk";
import { signedInCustomer } from "../../../../lib/signed-in-customer";
import { pickFields } from "../../../../lib/product-loader";
import { productSelection, STORE_PRODUCT_RELATIONS } from "../../../../lib/product-relations";
import { sendJson } from "../../../../lib/send-json";
import type PriceSelectionService from "../../../../services/price-selection";
import type ProductService from "../../../../services/product";
import { storeScope } from "../../../../lib/store-scope";
import { retrieveStoreProduct } from "../validators";
import { productResponse } from "../../../schemas";

/** A published product: `{ product }`; a draft or unknown one is a 404. */
export const GET = withValidation({ query: retrieveStoreProduct, response: productResponse }, async (req, res: KioskResponse) => {
  const { region_id, currency_code, cart_id, ...query } = req.validatedQuery;
  const selection = productSelection(query, STORE_PRODUCT_RELATIONS);
  const pricing = req.scope.resolve<PriceSelectionService>("priceSelectionService");
  const context = await pricing.context({ region_id, currency_code, cart_id, customer_id: signedInCustomer(req) });
  const product = await req.scope.resolve<ProductService>("productService").retrieve(req.params.id, selection, storeScope(req));
  await pricing.setVariantPrices([product], context);
  sendJson(res, { product: pickFields(product, selection.fields) });
});
