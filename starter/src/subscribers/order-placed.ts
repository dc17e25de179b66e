import type { SubscriberArgs, SubscriberConfig } from "kiosk";

/**
 * Runs once for every order placed, after the checkout's transaction commits: a
 * place to send a confirmation email or tell the warehouse. Keep it thin, and hand
 * slow or retryable work to a job.
 */
export default async function orderPlaced({ data, container }: SubscriberArgs<{ id: string }>) {
  container.resolve<{ info(message: string): void }>("logger").info(`order placed: ${data.id}`);
}

export const config: SubscriberConfig = { event: "order.placed" };
