import type { KioskServices } from "kiosk";
import type { NotificationEventData, NotificationProvider, NotificationResult, SentNotification } from "../lib/notification-provider";

/**
 * The built-in `log` provider: sends nothing, and writes one structured info line
 * per notification through the kernel's logger (`{ notification: { provider, event,
 * to, data } }`), so a store without a mail provider still sees what would go out.
 */
export default class LogNotificationProviderService implements NotificationProvider {
  static identifier = "log";
  readonly identifier = "log";

  constructor(private readonly cradle: KioskServices) {}

  async sendNotification(event: string, data: NotificationEventData): Promise<NotificationResult> {
    return this.write(event, data.email ?? "", data);
  }

  async resendNotification(notification: SentNotification, config: { to?: string }): Promise<NotificationResult> {
    return this.write(notification.event_name ?? "", config.to ?? notification.to, notification.data);
  }

  private write(event: string, to: string, data: Record<string, unknown>): NotificationResult {
    this.cradle.logger.info({ notification: { provider: this.identifier, event, to, data } }, `notification ${event} to ${to || "(nobody)"}`);
    return { to, status: "sent", data };
  }
}
