import { listQuery, retrieveQuery } from "kiosk";
import { collectionFilters } from "../../admin/collections/validators";

export const listStoreCollections = listQuery(collectionFilters, 10);

export const retrieveStoreCollection = retrieveQuery;
