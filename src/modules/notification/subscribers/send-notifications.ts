import { defineSubscriber } from "kiosk";
import { NOTIFIABLE_EVENTS } from "../lib/notifiable-events";

/** Sends each notifiable event's notification after its commit (see `notificationService.handleEvent`). */
export default defineSubscriber(NOTIFIABLE_EVENTS, async ({ eventName, data, container }) => {
  await container.resolve("notificationService").handleEvent(eventName, data);
});
