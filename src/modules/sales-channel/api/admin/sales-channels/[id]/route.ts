import { responses, withValidation, type KioskResponse } from "kiosk";
import { updateSalesChannel } from "../validators";
import { salesChannelResponse } from "../../../schemas";

export const GET = withValidation({ response: salesChannelResponse }, async (req, res: KioskResponse) => {
  res.json({ sales_channel: await req.scope.resolve("salesChannelService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateSalesChannel, response: salesChannelResponse }, async (req, res: KioskResponse) => {
  res.json({ sales_channel: await req.scope.resolve("salesChannelService").update(req.params.id, req.validatedBody) });
});

/** Soft-deletes the channel (the default one cannot be deleted: 422 `default_sales_channel`). */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve("salesChannelService").delete(req.params.id);
  res.json({ id: req.params.id, object: "sales-channel", deleted: true });
});
