import { withValidation, type KioskResponse } from "kiosk";
import type StoreService from "../../../../../services/store";
import { storeResponse } from "../../../../schemas";

export const POST = withValidation({ response: storeResponse }, async (req, res: KioskResponse) => {
  res.json({ store: await req.scope.resolve<StoreService>("storeService").addCurrency(req.params.code) });
});

export const DELETE = withValidation({ response: storeResponse }, async (req, res: KioskResponse) => {
  res.json({ store: await req.scope.resolve<StoreService>("storeService").removeCurrency(req.params.code) });
});
