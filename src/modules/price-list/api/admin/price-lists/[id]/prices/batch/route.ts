import { withValidation, type KioskResponse } from "kiosk";
import type PriceListService from "../../../../../../services/price-list";
import { addPricesBody, deletePricesBody } from "../../../validators";
import { priceListResponse, pricesDeleted } from "../../../../../schemas";

/** Adds prices to a list (with `override`, instead of its others): `{ price_list }`. */
export const POST = withValidation({ body: addPricesBody, response: priceListResponse }, async (req, res: KioskResponse) => {
  const { prices, override } = req.validatedBody;
  res.json({ price_list: await req.scope.resolve<PriceListService>("priceListService").addPrices(req.params.id, prices, override) });
});

/** Deletes prices of a list by id: `{ ids, object: "money-amount", deleted: true }`. */
export const DELETE = withValidation({ body: deletePricesBody, response: pricesDeleted }, async (req, res: KioskResponse) => {
  const ids = await req.scope.resolve<PriceListService>("priceListService").removePrices(req.params.id, { id: req.validatedBody.price_ids });
  res.json({ ids, object: "money-amount", deleted: true });
});
