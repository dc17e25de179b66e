import { withValidation, type KioskResponse } from "kiosk";
import { productBatch } from "../../../validators";
import { salesChannelResponse } from "../../../../../schemas";

/** Adds products to the channel: `{ product_ids: [{ id }] }` -> `{ sales_channel }`. */
export const POST = withValidation({ body: productBatch, response: salesChannelResponse }, async (req, res: KioskResponse) => {
  const ids = req.validatedBody.product_ids.map((p) => p.id);
  res.json({ sales_channel: await req.scope.resolve("salesChannelService").addProducts(req.params.id, ids) });
});

/** Removes products from the channel. */
export const DELETE = withValidation({ body: productBatch, response: salesChannelResponse }, async (req, res: KioskResponse) => {
  const ids = req.validatedBody.product_ids.map((p) => p.id);
  res.json({ sales_channel: await req.scope.resolve("salesChannelService").removeProducts(req.params.id, ids) });
});
