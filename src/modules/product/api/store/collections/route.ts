import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type ProductCollectionService from "../../../services/product-collection";
import { listStoreCollections } from "./validators";
import { collectionList } from "../../schemas";

/** `{ collections, count, offset, limit }`. */
export const GET = withValidation({ query: listStoreCollections, response: collectionList }, async (req, res: KioskResponse) => {
  const { offset, limit, order: _order, expand: _expand, fields: _fields, ...filters } = req.validatedQuery;
  const [collections, count] = await req.scope
    .resolve<ProductCollectionService>("productCollectionService")
    .list(filters, { offset, limit });
  res.json(listEnvelope("collections", collections, count, { offset, limit }));
});
