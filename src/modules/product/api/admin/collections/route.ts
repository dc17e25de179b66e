import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type ProductCollectionService from "../../../services/product-collection";
import { createCollection, listCollections } from "./validators";
import { collectionList, collectionResponse } from "../../schemas";

/** `{ collections, count, offset, limit }`. */
export const GET = withValidation({ query: listCollections, response: collectionList }, async (req, res: KioskResponse) => {
  const { offset, limit, order: _order, expand: _expand, fields: _fields, ...filters } = req.validatedQuery;
  const [collections, count] = await req.scope
    .resolve<ProductCollectionService>("productCollectionService")
    .list(filters, { offset, limit });
  res.json(listEnvelope("collections", collections, count, { offset, limit }));
});

/** `{ collection }`; the handle defaults to the title's slug. */
export const POST = withValidation({ body: createCollection, response: collectionResponse }, async (req, res: KioskResponse) => {
  res.json({ collection: await req.scope.resolve<ProductCollectionService>("productCollectionService").create(req.validatedBody) });
});
