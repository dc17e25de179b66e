import { linkRoutes } from "../../../link-routes";
import { shippingOptionBatch } from "../../../validators";

/** `POST` links shipping options to the rate, `DELETE` unlinks them: `{ shipping_options: [id] }` -> `{ tax_rate }`. */
export const { POST, DELETE } = linkRoutes("shipping_options", shippingOptionBatch);
