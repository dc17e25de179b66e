import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import type { KioskEnv } from "./config/resolved-config";

/** pino: readable lines while developing, JSON lines in production. LOG_LEVEL overrides the level. */
export function createLogger(env: KioskEnv): Logger {
  const level = process.env.LOG_LEVEL ?? (env === "test" ? "warn" : "info");
  if (env === "production") return pino({ level });
  return pino({ level }, pretty({ sync: true, colorize: process.stdout.isTTY, ignore: "pid,hostname" }));
}
