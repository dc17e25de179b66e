import { responses, withValidation, type KioskResponse } from "kiosk";
import type PriceListService from "../../../../services/price-list";
import { updatePriceList } from "../validators";
import { priceListResponse } from "../../../schemas";

export const GET = withValidation({ response: priceListResponse }, async (req, res: KioskResponse) => {
  res.json({ price_list: await req.scope.resolve<PriceListService>("priceListService").retrieve(req.params.id) });
});

/** Changes a list; `prices` are added (or changed, with `id`), `customer_groups` replace its groups: `{ price_list }`. */
export const POST = withValidation({ body: updatePriceList, response: priceListResponse }, async (req, res: KioskResponse) => {
  res.json({ price_list: await req.scope.resolve<PriceListService>("priceListService").update(req.params.id, req.validatedBody) });
});

/** Soft-deletes a list: its prices stop applying. */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<PriceListService>("priceListService").delete(req.params.id);
  res.json({ id: req.params.id, object: "price-list", deleted: true });
});
