import { withValidation, type KioskResponse } from "kiosk";
import type ProductCollectionService from "../../../../services/product-collection";
import { retrieveStoreCollection } from "../validators";

/** `{ collection }`. */
export const GET = withValidation({ query: retrieveStoreCollection }, async (req, res: KioskResponse) => {
  res.json({ collection: await req.scope.resolve<ProductCollectionService>("productCollectionService").retrieve(req.params.id) });
});
