import { linkRoutes } from "../../../link-routes";
import { productBatch } from "../../../validators";

/** `POST` links products to the rate, `DELETE` unlinks them: `{ products: [id] }` -> `{ tax_rate }`. */
export const { POST, DELETE } = linkRoutes("products", productBatch);
