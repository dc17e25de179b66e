import { InvalidDataError, KioskError, NotFoundError, type KioskServices } from "kiosk";
import { withTimeout } from "kiosk/internal";
import { PaymentSession } from "../models/payment-session";
import type { WebhookActionResult, WebhookPayload } from "../lib/payment-provider";

/**
 * `POST /hooks/payment/:provider_id`: the provider reads the webhook
 * (`getWebhookActionAndData`: signature, event) and Kiosk applies what it
 * means, idempotently, so a provider's retries and duplicates do no harm:
 *
 * - `authorized`: the session's cart is completed, exactly as the storefront
 *   would (a shopper who closed the tab after paying still gets the order; a
 *   completion racing it gives one order, see `CartCompletionService`);
 * - `captured`: the same, then the order's payment is recorded as captured
 *   without asking the provider again (once: a repeat finds nothing to capture);
 * - `failed`: a session still waiting is marked `error`;
 * - `not_supported`, or a session Kiosk does not know: nothing.
 *
 * A webhook that cannot be read is a 400; a cart that can no longer be
 * completed (out of stock, say) is logged and answered 200, since retrying
 * would not help; a completion in flight elsewhere or a provider down is a
 * 409/503, which the provider retries.
 */
export default class PaymentWebhookService {
  constructor(private readonly cradle: KioskServices) {}

  async handle(providerId: string, payload: WebhookPayload): Promise<WebhookActionResult["action"]> {
    const provider = this.cradle.paymentProviderService.retrieve(providerId);
    if (!provider.getWebhookActionAndData) {
      throw new NotFoundError(`Payment provider ${providerId} takes no webhooks`, "webhook_not_supported");
    }
    const { action, data } = await this.read(providerId, provider.getWebhookActionAndData(payload));
    if (action === "not_supported" || !data?.session_id) return action;
    const session = await this.cradle.unitOfWork.read((manager) =>
      manager.findOneBy(PaymentSession, { id: String(data.session_id), provider_id: providerId }),
    );
    if (!session) {
      this.cradle.logger.info({ provider: providerId, session_id: data.session_id }, `webhook of ${providerId} names no payment session of this store`);
      return action;
    }
    if (action === "failed" && ["pending", "requires_more"].includes(session.status)) {
      await this.cradle.paymentSessionService.recordStatus(session.cart_id, "error", session.data);
    }
    if (action === "authorized" || action === "captured") await this.complete(session.cart_id, providerId);
    if (action === "captured") {
      const order = await this.cradle.orderService.findByCart(session.cart_id);
      if (order) await this.cradle.orderPaymentService.recordProviderCapture(order.id);
    }
    return action;
  }

  private async read(providerId: string, reading: Promise<WebhookActionResult>): Promise<WebhookActionResult> {
    const { timeout } = this.cradle.config.payments;
    try {
      return await withTimeout(reading, timeout, () => new Error(`no answer within ${timeout} ms`));
    } catch (err) {
      if (err instanceof KioskError && err.status < 500) throw err;
      this.cradle.logger.warn({ err, provider: providerId }, `payment provider ${providerId} could not read a webhook`);
      throw new InvalidDataError(`Payment provider ${providerId} could not read the webhook`, { code: "invalid_webhook" });
    }
  }

  private async complete(cartId: string, providerId: string): Promise<void> {
    try {
      await this.cradle.cartCompletionService.complete(cartId);
    } catch (err) {
      const retryable = !(err instanceof KioskError) || err.status >= 500 || err.code === "cart_completion_in_progress";
      if (retryable) throw err;
      this.cradle.logger.warn({ err, cart_id: cartId, provider: providerId }, `webhook of ${providerId}: cart ${cartId} cannot be completed`);
    }
  }
}
