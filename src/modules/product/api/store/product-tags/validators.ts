import { listQuery } from "kiosk";
import { tagFilters } from "../../admin/product-tags/validators";

export const listStoreTags = listQuery(tagFilters, 20);
