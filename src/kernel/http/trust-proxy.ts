import type { Express } from "express";
import type { ResolvedConfig } from "../config/resolved-config";
import { KioskStartupError } from "../errors";

/**
 * Sets express's `trust proxy` from `http.trustProxy`, so `req.ip` (the address
 * the sign-in limits count by) is read from `X-Forwarded-For` only as sent by
 * the proxies named there. Unset, it is the connection's address. A value
 * express cannot parse stops start-up naming the key.
 */
export function applyTrustProxy(app: Express, config: ResolvedConfig): void {
  const value = config.http.trustProxy;
  if (value === undefined) return;
  try {
    app.set("trust proxy", value);
  } catch (err) {
    throw new KioskStartupError("KIOSK_CONFIG_INVALID", `http.trustProxy: ${(err as Error).message}`);
  }
}
