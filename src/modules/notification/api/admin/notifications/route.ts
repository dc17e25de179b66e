import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type NotificationService from "../../../services/notification";
import { expandsResends, listNotifications } from "./validators";
import { notificationList } from "../../schemas";

export const GET = withValidation({ query: listNotifications, response: notificationList }, async (req, res: KioskResponse) => {
  const { offset, limit, expand, fields: _fields, order: _order, ...filter } = req.validatedQuery;
  const page = { offset, limit };
  const service = req.scope.resolve<NotificationService>("notificationService");
  const [notifications, count] = await service.list(filter, page, { resends: expandsResends(expand) });
  res.json(listEnvelope("notifications", notifications, count, page));
});
