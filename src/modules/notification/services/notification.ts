import { NotFoundError, type EntityManager, type KioskServices } from "kiosk";
import { Notification } from "../models/notification";
import { resourceTypeOf, withRecipient } from "../lib/event-recipient";
import { attachResends, listNotifications, type NotificationFilter, type NotificationView } from "../lib/notification-list";
import { callProvider } from "../lib/send";

/**
 * Notifications: sends an event's notification through the provider the config
 * names for it (`notifications`), then stores what the provider answered. The
 * provider is called with no transaction open; the row is written only once it
 * has answered, so a provider that throws leaves nothing behind.
 */
export default class NotificationService {
  constructor(private readonly cradle: KioskServices) {}

  list(filter: NotificationFilter, page: { offset: number; limit: number }, options: { resends?: boolean } = {}): Promise<[NotificationView[], number]> {
    return this.cradle.unitOfWork.read((manager) => listNotifications(manager, filter, page, options.resends ?? false));
  }

  retrieve(id: string, options: { resends?: boolean } = {}): Promise<NotificationView> {
    return this.cradle.unitOfWork.read(async (manager) => {
      const row = await this.load(manager, id);
      return options.resends ? (await attachResends(manager, [row]))[0] : row;
    });
  }

  /**
   * The notification of one event (a subscriber calls it after the event's commit):
   * none when the config names no provider for it, the provider is not installed,
   * or the event says `no_notification`. A provider's failure is thrown (the bus
   * logs it, or retries it on Redis) and stores nothing.
   */
  async handleEvent(eventName: string, data: { id: string; no_notification?: boolean }): Promise<Notification | null> {
    const providerId = this.cradle.config.notifications[eventName];
    if (!providerId || data.no_notification === true) return null;
    const provider = this.cradle.notificationProviderService.find(providerId);
    if (!provider) {
      this.cradle.logger.warn({ event: eventName, provider: providerId }, `notification provider ${providerId} is not installed; ${eventName} not notified`);
      return null;
    }
    const payload = await withRecipient(this.cradle, eventName, data);
    const result = await callProvider(provider, (p) => p.sendNotification(eventName, payload, null));
    return this.store({
      event_name: eventName,
      resource_type: resourceTypeOf(eventName),
      resource_id: data.id,
      customer_id: typeof payload.customer_id === "string" ? payload.customer_id : null,
      to: result.to,
      data: result.data,
      provider_id: providerId,
      parent_id: null,
    });
  }

  /** Sends a notification again through its provider (to `to` when given); the resend is a new notification, its child. */
  async resend(id: string, config: { to?: string } = {}): Promise<Notification> {
    const original = await this.retrieve(id);
    const provider = this.cradle.notificationProviderService.retrieve(original.provider_id);
    const result = await callProvider(provider, (p) => p.resendNotification(original, config, null));
    return this.store({
      event_name: original.event_name,
      resource_type: original.resource_type,
      resource_id: original.resource_id,
      customer_id: original.customer_id,
      to: result.to,
      data: result.data,
      provider_id: original.provider_id,
      parent_id: original.id,
    });
  }

  private store(fields: Omit<Notification, "id" | "created_at" | "updated_at">): Promise<Notification> {
    return this.cradle.unitOfWork.run(async (tx) => {
      const saved = await tx.manager.save(tx.manager.create(Notification, fields));
      tx.emit("notification.created", { id: saved.id, parent_id: saved.parent_id });
      return saved;
    });
  }

  private async load(manager: EntityManager, id: string): Promise<Notification> {
    const row = await manager.findOneBy(Notification, { id });
    if (!row) throw new NotFoundError(`Notification with id ${id} was not found`);
    return row;
  }
}
