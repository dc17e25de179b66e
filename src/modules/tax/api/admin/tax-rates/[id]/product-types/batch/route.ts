import { linkRoutes } from "../../../link-routes";
import { productTypeBatch } from "../../../validators";

/** `POST` links product types to the rate, `DELETE` unlinks them: `{ product_types: [id] }` -> `{ tax_rate }`. */
export const { POST, DELETE } = linkRoutes("product_types", productTypeBatch);
