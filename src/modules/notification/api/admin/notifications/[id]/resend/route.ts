import { withValidation, type KioskResponse } from "kiosk";
import type NotificationService from "../../../../../services/notification";
import { resendNotification } from "../../validators";
import { notificationResponse } from "../../../../schemas";

export const POST = withValidation({ body: resendNotification, response: notificationResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<NotificationService>("notificationService");
  await service.resend(req.params.id, req.validatedBody);
  // As Medusa v1: the notification resent, with its resends (the new one last).
  res.json({ notification: await service.retrieve(req.params.id, { resends: true }) });
});
