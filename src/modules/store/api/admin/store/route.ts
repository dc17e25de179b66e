import { withValidation, type KioskResponse } from "kiosk";
import type StoreService from "../../../services/store";
import { updateStore } from "./validators";
import { storeResponse } from "../../schemas";

export const GET = withValidation({ response: storeResponse }, async (req, res: KioskResponse) => {
  res.json({ store: await req.scope.resolve<StoreService>("storeService").retrieve() });
});

export const POST = withValidation({ body: updateStore, response: storeResponse }, async (req, res: KioskResponse) => {
  res.json({ store: await req.scope.resolve<StoreService>("storeService").update(req.validatedBody) });
});
