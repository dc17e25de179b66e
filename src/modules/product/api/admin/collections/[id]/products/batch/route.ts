import { withValidation, z, type KioskResponse } from "kiosk";
import type ProductCollectionService from "../../../../../../services/product-collection";
import { collectionResponse } from "../../../../../schemas";
import { collectionBatch } from "../../../validators";

/** Puts the products in the collection (moving them from any other): `{ collection }`. */
export const POST = withValidation({ body: collectionBatch, response: collectionResponse }, async (req, res: KioskResponse) => {
  const collections = req.scope.resolve<ProductCollectionService>("productCollectionService");
  await collections.batchProducts(req.params.id, req.validatedBody.product_ids, true);
  res.json({ collection: await collections.retrieve(req.params.id) });
});

const removed = z.looseObject({ id: z.string(), object: z.literal("product-collection"), removed_products: z.array(z.string()) });

/** Takes the products out of the collection: Medusa's `{ id, object, removed_products }` (the ids given). */
export const DELETE = withValidation({ body: collectionBatch, response: removed }, async (req, res: KioskResponse) => {
  await req.scope.resolve<ProductCollectionService>("productCollectionService").batchProducts(req.params.id, req.validatedBody.product_ids, false);
  res.json({ id: req.params.id, object: "product-collection", removed_products: req.validatedBody.product_ids });
});
