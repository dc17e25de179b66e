import { KioskStartupError } from "../errors";

/** Requires a resource file; a file that fails to compile or import is an error naming it. */
export function importResource(file: string): Record<string, any> {
  try {
    return require(file);
  } catch (err) {
    throw new KioskStartupError("KIOSK_RESOURCE_IMPORT", `${file}: ${firstLine(err)}`, { cause: err });
  }
}

/** A resource file whose exports are not what its folder promises. */
export function shapeError(file: string, expected: string): KioskStartupError {
  return new KioskStartupError("KIOSK_RESOURCE_SHAPE", `${file}: expected ${expected}`);
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.trim().split("\n").filter((l) => l.trim()).slice(0, 8).join("\n");
}

/** A module's default export, whether written as `export default` or `module.exports =`. */
export function defaultExport(mod: Record<string, any>): unknown {
  return mod && "default" in mod ? mod.default : mod;
}
