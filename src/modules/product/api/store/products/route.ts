import { listEnvelope, withValidation, type KioskRequest, type KioskResponse, type z } from "kiosk";
import { signedInCustomer } from "../../../lib/signed-in-customer";
import { WeightedSemaphore } from "kiosk/internal";
import { pickFields } from "../../../lib/product-loader";
import { productSelection, STORE_PRODUCT_RELATIONS } from "../../../lib/product-relations";
import { sendJson } from "../../../lib/send-json";
import type PriceSelectionService from "../../../services/price-selection";
import type ProductService from "../../../services/product";
import { storeScope } from "../../../lib/store-scope";
import { listStoreProducts } from "./validators";
import { productList } from "../../schemas";

/**
 * Product pages being read and rendered at once, weighed by their `limit`: at
 * most two of the largest (200) at a time, so clients reading big pages wait
 * for each other instead of starving every other request of the process.
 */
const pages = new WeightedSemaphore(400);

/** Published products, with calculated prices for `region_id` / `currency_code`: `{ products, count, offset, limit }`. */
export const GET = withValidation({ query: listStoreProducts, response: productList }, (req, res: KioskResponse) => pages.run(req.validatedQuery.limit, () => list(req, res)));

async function list(req: KioskRequest<unknown, z.infer<typeof listStoreProducts>>, res: KioskResponse): Promise<void> {
  const { offset, limit, order, expand, fields, region_id, currency_code, cart_id, ...filters } = req.validatedQuery;
  const selection = productSelection({ expand, fields }, STORE_PRODUCT_RELATIONS);
  const pricing = req.scope.resolve<PriceSelectionService>("priceSelectionService");
  const context = await pricing.context({ region_id, currency_code, cart_id, customer_id: signedInCustomer(req) });
  const [products, count] = await req.scope
    .resolve<ProductService>("productService")
    .list(filters, { offset, limit, order }, selection, storeScope(req));
  await pricing.setVariantPrices(products, context);
  sendJson(res, listEnvelope("products", products.map((p) => pickFields(p, selection.fields)), count, { offset, limit }));
}
