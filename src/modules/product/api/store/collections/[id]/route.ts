import { withValidation, type KioskResponse } from "kiosk";
import type ProductCollectionService from "../../../../services/product-collection";
import { retrieveStoreCollection } from "../validators";
import { collectionResponse } from "../../../schemas";

/** `{ collection }`. */
export const GET = withValidation({ query: retrieveStoreCollection, response: collectionResponse }, async (req, res: KioskResponse) => {
  res.json({ collection: await req.scope.resolve<ProductCollectionService>("productCollectionService").retrieve(req.params.id) });
});
