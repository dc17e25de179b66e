import { UnavailableError } from "kiosk";
import { withTimeout } from "kiosk/internal";
import type { NotificationProvider, NotificationResult } from "./notification-provider";

/** Milliseconds a provider may take to send one notification. */
export const PROVIDER_TIMEOUT = 30_000;

/**
 * Calls a provider (never inside a transaction), bounded by `PROVIDER_TIMEOUT`,
 * and checks its answer as input: a failure, a timeout or an answer without a
 * string `to` and an object `data` is a 503 `notification_provider_failed`.
 */
export async function callProvider(provider: NotificationProvider, call: (p: NotificationProvider) => Promise<NotificationResult>): Promise<NotificationResult> {
  const failed = (why: string) => new UnavailableError(`Notification provider ${provider.identifier} failed: ${why}`, "notification_provider_failed");
  let result: NotificationResult;
  try {
    result = await withTimeout(call(provider), PROVIDER_TIMEOUT, () => failed("no answer in time"));
  } catch (err) {
    if (err instanceof UnavailableError) throw err;
    throw failed(err instanceof Error ? err.message : String(err));
  }
  const data = result?.data;
  if (typeof result?.to !== "string" || typeof data !== "object" || data === null || Array.isArray(data)) {
    throw failed("its answer has no `to` string and `data` object");
  }
  return { to: result.to.slice(0, 1000), status: String(result.status ?? ""), data: data as Record<string, unknown> };
}
