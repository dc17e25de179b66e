import { withValidation, type KioskResponse } from "kiosk";
import type PriceListService from "../../../../../../../services/price-list";
import { deleteProductsPricesBody } from "../../../../validators";
import { pricesDeleted } from "../../../../../../schemas";

/** Deletes every price the list has for the variants of several products: `{ ids, object: "money-amount", deleted: true }`. */
export const DELETE = withValidation({ body: deleteProductsPricesBody, response: pricesDeleted }, async (req, res: KioskResponse) => {
  const ids = await req.scope.resolve<PriceListService>("priceListService").removePrices(req.params.id, { product_id: req.validatedBody.product_ids });
  res.json({ ids, object: "money-amount", deleted: true });
});
