/**
 * What a notification provider implements: Medusa v1's `AbstractNotificationService`.
 * A provider is a service whose container key ends in `NotificationProviderService`
 * (a file `services/<name>-notification-provider.ts` in a plugin or project),
 * identified by its `identifier` (`"log"`, `"sendgrid"`); `notificationProviderService`
 * finds every such service. The config's `notifications` says which provider an
 * event goes to.
 *
 * Kiosk calls a provider with no database transaction open, and stores what it
 * answers as the notification (`to`, `data`) only once it has answered; a
 * provider that throws leaves no notification behind.
 */

/** What a provider answers: where it sent the notification, a status of its own, and what it sent. */
export interface NotificationResult {
  to: string;
  status: string;
  data: Record<string, unknown>;
}

/**
 * What a provider receives with an event: the event's payload, with the
 * recipient Kiosk found for it (`email`, `customer_id`) when the event is about
 * an order or a customer.
 */
export interface NotificationEventData extends Record<string, unknown> {
  id: string;
  email?: string | null;
  customer_id?: string | null;
}

/** A stored notification, as a provider sees it when asked to resend it. */
export interface SentNotification {
  id: string;
  event_name: string | null;
  resource_type: string;
  resource_id: string;
  customer_id: string | null;
  to: string;
  data: Record<string, unknown>;
  provider_id: string;
}

/** Medusa v1 passes a generator of attachments (invoices, labels); Kiosk has none yet and passes null. */
export type AttachmentGenerator = unknown;

export interface NotificationProvider {
  identifier: string;
  /** Sends the notification of an event. */
  sendNotification(event: string, data: NotificationEventData, attachmentGenerator: AttachmentGenerator): Promise<NotificationResult>;
  /** Sends a stored notification again, to `config.to` when given. */
  resendNotification(
    notification: SentNotification,
    config: { to?: string },
    attachmentGenerator: AttachmentGenerator,
  ): Promise<NotificationResult>;
}
