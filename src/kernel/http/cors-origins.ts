import type { ResolvedConfig } from "../config/resolved-config";
import { KioskStartupError } from "../errors";

/** Decides whether a browser origin may call the API (with credentials). */
export type OriginCheck = (origin: string) => boolean;

const HOST = String.raw`(\[[0-9a-f:.]+\]|[^/:*\s\[\]]+)`;
const PORT_PATTERN = new RegExp(String.raw`^(https?://${HOST}):\*$`, "i");
const ORIGIN = new RegExp(String.raw`^https?://${HOST}(:\d{1,5})?$`, "i");

/**
 * Parses a comma separated origin list (`STORE_CORS`, `ADMIN_CORS`): exact
 * origins (`https://shop.example.com`), `scheme://host:*` for any port of a host
 * (or none), and `*` for any origin. Anything else is a start-up error naming
 * the variable.
 */
export function parseOrigins(list: string, variable: string): OriginCheck {
  const exact = new Set<string>();
  const anyPort = new Set<string>();
  let any = false;
  for (const raw of list.split(",")) {
    const entry = raw.trim().replace(/\/$/, "");
    if (!entry) continue;
    const pattern = PORT_PATTERN.exec(entry);
    if (entry === "*") any = true;
    else if (pattern) anyPort.add(pattern[1].toLowerCase());
    else if (ORIGIN.test(entry)) exact.add(entry.toLowerCase());
    else {
      throw new KioskStartupError(
        "KIOSK_CONFIG_INVALID",
        `${variable}: "${entry}" is not an origin (write scheme://host[:port], scheme://host:* for any port, comma separated)`,
      );
    }
  }
  return (origin) => {
    if (any) return true;
    const o = origin.toLowerCase();
    if (exact.has(o)) return true;
    return anyPort.has(o.replace(/:\d{1,5}$/, ""));
  };
}

/**
 * Checked before a server starts: both lists must parse, and production refuses
 * origins that are unset or `*`: with credentials allowed (the admin's session
 * cookie), a wildcard would let any site act as a signed-in user. One line names
 * the variable to set.
 */
export function assertServableCors(config: ResolvedConfig): void {
  parseOrigins(config.http.storeCors, "STORE_CORS");
  parseOrigins(config.http.adminCors, "ADMIN_CORS");
  if (config.env !== "production") return;
  const settings = [
    { variable: "STORE_CORS", key: "http.storeCors", value: config.http.storeCors, who: "your storefront" },
    { variable: "ADMIN_CORS", key: "http.adminCors", value: config.http.adminCors, who: "your admin" },
  ];
  for (const { variable, key, value, who } of settings) {
    const example = `e.g. ${variable}=https://${who === "your storefront" ? "shop" : "admin"}.example.com`;
    if (!value.trim()) {
      throw new KioskStartupError(
        "KIOSK_CORS_UNSET",
        `${variable} must be set in production: the origins of ${who}, comma separated (${example}; or ${key})`,
      );
    }
    if (value.split(",").some((o) => o.trim() === "*")) {
      throw new KioskStartupError(
        "KIOSK_CORS_WILDCARD",
        `${variable} is "*", which lets any site call the API with credentials: set ${variable} to the origins of ${who}, comma separated (${example})`,
      );
    }
  }
}
