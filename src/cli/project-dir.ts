import fs from "node:fs";
import path from "node:path";
import { CliError } from "./cli-error";

/**
 * The project a command works on: `--cwd` or the current directory, which must
 * hold a kiosk.config.ts (or .js) or a package.json.
 */
export function projectDir(cwd: string | undefined): string {
  const dir = path.resolve(cwd ?? process.cwd());
  const markers = ["kiosk.config.ts", "kiosk.config.js", "package.json"];
  if (!markers.some((m) => fs.existsSync(path.join(dir, m)))) {
    throw new CliError("KIOSK_NOT_A_PROJECT", `${dir} is not a Kiosk project (no kiosk.config.ts or package.json)`);
  }
  return dir;
}

/** Parses a `--port` value. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError("KIOSK_BAD_ARGUMENT", `--port must be a number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** Parses a positive whole number option such as `--steps` or `--cluster`. */
export function parseCount(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new CliError("KIOSK_BAD_ARGUMENT", `${flag} must be a whole number from 1 to 1000, got "${value}"`);
  }
  return n;
}
