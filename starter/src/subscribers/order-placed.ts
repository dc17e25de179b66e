import { defineSubscriber } from "kiosk";

/**
 * Runs once for every order placed, after the checkout's transaction commits: a
 * place to send a confirmation email or tell the warehouse. Keep it thin, and hand
 * slow or retryable work to a job. `data` is typed from `KioskEvents`.
 */
export default defineSubscriber("order.placed", async function orderPlaced({ data, container }) {
  container.resolve("logger").info(`order placed: ${data.id}`);
});
