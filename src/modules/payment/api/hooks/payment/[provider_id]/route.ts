import { withValidation, z, type KioskResponse } from "kiosk";
import type PaymentWebhookService from "../../../../services/payment-webhook";

const received = z.looseObject({ received: z.literal(true), action: z.string() });

/** A payment provider's webhook: `{ received: true, action }` once applied (see `PaymentWebhookService`). */
export const POST = withValidation({ response: received }, async (req, res: KioskResponse) => {
  const payload = { data: req.body, rawData: req.rawBody ?? Buffer.alloc(0), headers: req.headers };
  const action = await req.scope.resolve<PaymentWebhookService>("paymentWebhookService").handle(req.params.provider_id, payload);
  res.json({ received: true, action });
});
