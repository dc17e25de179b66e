import { listQuery, z } from "kiosk";

const text = z.string().min(1).max(1000);

export const listNotifications = listQuery(
  { resource_type: text.optional(), resource_id: text.optional(), event_name: text.optional(), to: text.optional() },
  50,
);

export const resendNotification = z.strictObject({ to: text.optional() });

/** Whether `?expand=` asks for the resends. */
export function expandsResends(expand: string | undefined): boolean {
  return (expand ?? "").split(",").some((part) => part.trim() === "resends");
}
