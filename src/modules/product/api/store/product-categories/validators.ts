import { listQuery } from "kiosk";
import { categoryFilters, retrieveCategory } from "../../admin/product-categories/validators";

export const listStoreCategories = listQuery(categoryFilters, 100);

export const retrieveStoreCategory = retrieveCategory;
