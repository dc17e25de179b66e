import { withValidation, type KioskResponse } from "kiosk";
import type PriceListService from "../../../../../../../services/price-list";
import { pricesDeleted } from "../../../../../../schemas";

/** Deletes every price the list has for a product's variants: `{ ids, object: "money-amount", deleted: true }`. */
export const DELETE = withValidation({ response: pricesDeleted }, async (req, res: KioskResponse) => {
  const ids = await req.scope.resolve<PriceListService>("priceListService").removePrices(req.params.id, { product_id: req.params.product_id });
  res.json({ ids, object: "money-amount", deleted: true });
});
