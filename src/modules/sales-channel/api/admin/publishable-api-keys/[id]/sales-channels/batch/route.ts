import { withValidation, type KioskResponse } from "kiosk";
import { channelBatch } from "../../../validators";
import { publishableApiKeyResponse } from "../../../../../schemas";

/** Gives the key access to channels: `{ sales_channel_ids: [{ id }] }` -> `{ publishable_api_key }`. */
export const POST = withValidation({ body: channelBatch, response: publishableApiKeyResponse }, async (req, res: KioskResponse) => {
  const ids = req.validatedBody.sales_channel_ids.map((c) => c.id);
  res.json({ publishable_api_key: await req.scope.resolve("publishableApiKeyService").addSalesChannels(req.params.id, ids) });
});

export const DELETE = withValidation({ body: channelBatch, response: publishableApiKeyResponse }, async (req, res: KioskResponse) => {
  const ids = req.validatedBody.sales_channel_ids.map((c) => c.id);
  res.json({ publishable_api_key: await req.scope.resolve("publishableApiKeyService").removeSalesChannels(req.params.id, ids) });
});
