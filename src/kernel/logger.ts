import pino, { type Logger } from "pino";
import type { KioskEnv } from "./config/resolved-config";

/** pino: readable lines while developing, JSON lines in production. LOG_LEVEL overrides the level. */
export function createLogger(env: KioskEnv): Logger {
  const level = process.env.LOG_LEVEL ?? (env === "test" ? "warn" : "info");
  if (env === "production") return pino({ level });
  // Loaded only where it is used: production never pays for the pretty printer.
  const pretty = require("pino-pretty") as typeof import("pino-pretty");
  return pino({ level }, pretty({ sync: true, colorize: process.stdout.isTTY, ignore: "pid,hostname" }));
}
