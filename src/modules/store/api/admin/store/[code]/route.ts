import { withValidation, type KioskResponse } from "kiosk";
import type StoreService from "../../../../services/store";
import { storeResponse } from "../../../schemas";

/**
 * Adds a currency to the store: the path medusa-js's `admin.store.addCurrency`
 * posts to (Medusa's server routes `/admin/store/currencies/:code`, which works too).
 */
export const POST = withValidation({ response: storeResponse }, async (req, res: KioskResponse) => {
  res.json({ store: await req.scope.resolve<StoreService>("storeService").addCurrency(req.params.code) });
});
