import { In, type EntityManager } from "kiosk";
import { Notification } from "../models/notification";

export interface NotificationFilter {
  resource_type?: string;
  resource_id?: string;
  event_name?: string;
  to?: string;
}

/** A notification as the API shows it; `resends` when asked for. */
export type NotificationView = Notification & { resends?: Notification[] };

const NEWEST_FIRST = { created_at: "DESC", id: "DESC" } as const;

/** A page of notifications (newest first) matching every given filter, with their resends when asked. */
export async function listNotifications(
  manager: EntityManager,
  filter: NotificationFilter,
  page: { offset: number; limit: number },
  withResends: boolean,
): Promise<[NotificationView[], number]> {
  const where = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  const [rows, count] = await manager.findAndCount(Notification, { where, order: NEWEST_FIRST, skip: page.offset, take: page.limit });
  return [withResends ? await attachResends(manager, rows) : rows, count];
}

/** Adds to each notification its resends (oldest first). */
export async function attachResends(manager: EntityManager, rows: Notification[]): Promise<NotificationView[]> {
  if (!rows.length) return rows;
  const resends = await manager.find(Notification, {
    where: { parent_id: In(rows.map((r) => r.id)) },
    order: { created_at: "ASC", id: "ASC" },
  });
  return rows.map((row) => Object.assign(row, { resends: resends.filter((r) => r.parent_id === row.id) }));
}
