import type { KioskRequest, KioskResponse } from "kiosk";
import type PaymentWebhookService from "../../../../services/payment-webhook";

/** A payment provider's webhook: `{ received: true, action }` once applied (see `PaymentWebhookService`). */
export async function POST(req: KioskRequest, res: KioskResponse) {
  const payload = { data: req.body, rawData: req.rawBody ?? Buffer.alloc(0), headers: req.headers };
  const action = await req.scope.resolve<PaymentWebhookService>("paymentWebhookService").handle(req.params.provider_id, payload);
  res.json({ received: true, action });
}
