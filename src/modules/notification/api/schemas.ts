import { responses, z } from "kiosk";

const { timestamp } = responses;

const fields = {
  id: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  event_name: z.string().nullable(),
  resource_type: z.string(),
  resource_id: z.string(),
  customer_id: z.string().nullable(),
  to: z.string(),
  data: z.record(z.string(), z.unknown()),
  provider_id: z.string(),
  parent_id: z.string().nullable(),
};

/** A notification a provider sent, with its resends when `expand=resends`. */
export const Notification = z
  .looseObject({ ...fields, resends: z.array(z.looseObject(fields)).optional() })
  .meta({ id: "Notification" });

export const notificationResponse = z.looseObject({ notification: Notification });
export const notificationList = responses.list("notifications", Notification);
