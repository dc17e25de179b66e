import { withValidation, type KioskResponse } from "kiosk";
import { signedInCustomer } from "../../../lib/signed-in-customer";
import { PUBLISHED } from "../../../lib/variant-list";
import { keyProducts } from "../../../lib/store-scope";
import type PriceSelectionService from "../../../services/price-selection";
import type ProductVariantService from "../../../services/product-variant";
import { listStoreVariants } from "./validators";
import { storeVariantList } from "../../schemas";

/** Variants of published products (of the publishable key's sales channels, when the request carries one), with calculated prices for `cart_id` / `region_id` / `currency_code`: `{ variants }`, as in Medusa. */
export const GET = withValidation({ query: listStoreVariants, response: storeVariantList }, async (req, res: KioskResponse) => {
  const { offset, limit, ids, id, region_id, currency_code, cart_id } = req.validatedQuery;
  const pricing = req.scope.resolve<PriceSelectionService>("priceSelectionService");
  const context = await pricing.context({ region_id, currency_code, cart_id, customer_id: signedInCustomer(req) });
  const wanted = ids || id ? [...new Set([...(ids ?? []), ...(id ?? [])])] : undefined;
  const [variants] = await req.scope
    .resolve<ProductVariantService>("productVariantService")
    .listAll({ id: wanted, statuses: PUBLISHED, productIn: keyProducts(req) }, { offset, limit });
  await pricing.setVariantPrices([{ id: "variants", variants }], context);
  res.json({ variants });
});
