import { withValidation, type KioskResponse, responses } from "kiosk";
import type ProductCollectionService from "../../../../services/product-collection";
import { retrieveCollection, updateCollection } from "../validators";
import { collectionResponse } from "../../../schemas";

export const GET = withValidation({ query: retrieveCollection, response: collectionResponse }, async (req, res: KioskResponse) => {
  res.json({ collection: await req.scope.resolve<ProductCollectionService>("productCollectionService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateCollection, response: collectionResponse }, async (req, res: KioskResponse) => {
  const collection = await req.scope
    .resolve<ProductCollectionService>("productCollectionService")
    .update(req.params.id, req.validatedBody);
  res.json({ collection });
});

/** Deletes the collection; its products stay, without a collection. */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<ProductCollectionService>("productCollectionService").delete(req.params.id);
  res.json({ id: req.params.id, object: "product-collection", deleted: true });
});
