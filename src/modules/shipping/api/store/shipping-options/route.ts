import { listQuery, withValidation, z, type KioskResponse } from "kiosk";
import type ShippingOptionService from "../../../services/shipping-option";
import { storeShippingOptions } from "../../schemas";
import { withPriceInclTax } from "../../../lib/option-taxes";

const query = listQuery(
  {
    region_id: z.string().min(1).max(100).optional(),
    is_return: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    // Accepted for Medusa clients; options are not tied to products here.
    product_ids: z.string().max(2000).optional(),
  },
  100,
);

/** The options a storefront may show (not admin-only), with `price_incl_tax`: `{ shipping_options }`. */
export const GET = withValidation({ query, response: storeShippingOptions }, async (req, res: KioskResponse) => {
  const { region_id, is_return, offset, limit } = req.validatedQuery;
  const [options] = await req.scope
    .resolve<ShippingOptionService>("shippingOptionService")
    .list({ region_id, is_return: is_return ?? false, admin_only: false }, { offset, limit });
  res.json({ shipping_options: await withPriceInclTax(req.scope.cradle, options) });
});
