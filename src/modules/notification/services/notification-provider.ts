import { ProviderRegistry } from "kiosk";
import type { NotificationProvider } from "../lib/notification-provider";

/**
 * The registry of notification providers: every service whose container key ends
 * in `NotificationProviderService` (`logNotificationProviderService`, a plugin's
 * `sendgridNotificationProviderService`, …), by its `identifier`.
 */
export default class NotificationProviderService extends ProviderRegistry<NotificationProvider> {
  constructor(cradle: Record<string, unknown>) {
    super(cradle, { suffix: "NotificationProviderService", label: "Notification provider", code: "notification_provider_not_found" });
  }
}
