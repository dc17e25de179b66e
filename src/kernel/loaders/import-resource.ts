import { KioskStartupError } from "../errors";
import { pluginError } from "./plugin-roots";

/** Requires a resource file; a file that fails to compile or import is an error naming it. */
export function importResource(file: string): Record<string, any> {
  try {
    return require(file);
  } catch (err) {
    const summary = errorSummary(err);
    throw pluginError(file, "KIOSK_PLUGIN_LOAD", summary, err) ?? new KioskStartupError("KIOSK_RESOURCE_IMPORT", `${file}: ${summary}`, { cause: err });
  }
}

/** A resource file whose exports are not what its folder promises. */
export function shapeError(file: string, expected: string): KioskStartupError {
  return pluginError(file, "KIOSK_PLUGIN_INVALID", `expected ${expected}`) ?? new KioskStartupError("KIOSK_RESOURCE_SHAPE", `${file}: expected ${expected}`);
}

function errorSummary(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const lines = message.trim().split("\n").filter((l) => l.trim());
  // SWC appends its own internals after the code frame; the frame is what helps.
  const end = lines.findIndex((l) => /^(Caused by:|Stack backtrace:)/.test(l.trim()));
  return lines.slice(0, end === -1 ? 8 : Math.min(end, 8)).join("\n");
}

/** A module's default export, whether written as `export default` or `module.exports =`. */
export function defaultExport(mod: Record<string, any>): unknown {
  return mod && "default" in mod ? mod.default : mod;
}
