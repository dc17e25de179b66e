/** ioredis's words for a command that could not be sent or got no answer in time. */
const MESSAGES = /^(Command timed out|Connection is closed\.|Stream isn't writeable and enableOfflineQueue options is false)/;

/**
 * Whether an error raised by a Redis call means Redis is down or hung (the
 * publishing connection's fail-fast errors, ioredis's timeouts and retry limit),
 * not a bad command.
 */
export function isRedisOutage(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if ((err as { code?: unknown }).code === "KIOSK_REDIS_UNAVAILABLE") return true;
  if (err.name === "MaxRetriesPerRequestError") return true;
  return MESSAGES.test(err.message);
}
