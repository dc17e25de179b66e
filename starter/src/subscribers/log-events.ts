import type { SubscriberArgs, SubscriberConfig } from "kiosk";

/** An example subscriber: logs every event after its transaction commits. */
export default async function logEvents({ eventName, container }: SubscriberArgs) {
  container.resolve<{ info(msg: string): void }>("logger").info(`event ${eventName}`);
}

export const config: SubscriberConfig = { event: "*" };
