import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import { pickFields } from "../../../lib/product-loader";
import { productSelection, STORE_PRODUCT_RELATIONS } from "../../../lib/product-relations";
import { sendJson } from "../../../lib/send-json";
import type PriceSelectionService from "../../../services/price-selection";
import ProductService, { STORE_SCOPE } from "../../../services/product";
import { listStoreProducts } from "./validators";

/** Published products, with calculated prices for `region_id` / `currency_code`: `{ products, count, offset, limit }`. */
export const GET = withValidation({ query: listStoreProducts }, async (req, res: KioskResponse) => {
  const { offset, limit, order, expand, fields, region_id, currency_code, ...filters } = req.validatedQuery;
  const selection = productSelection({ expand, fields }, STORE_PRODUCT_RELATIONS);
  const pricing = req.scope.resolve<PriceSelectionService>("priceSelectionService");
  const context = await pricing.context({ region_id, currency_code });
  const [products, count] = await req.scope
    .resolve<ProductService>("productService")
    .list(filters, { offset, limit, order }, selection, STORE_SCOPE);
  pricing.setVariantPrices(products, context);
  sendJson(res, listEnvelope("products", products.map((p) => pickFields(p, selection.fields)), count, { offset, limit }));
});
