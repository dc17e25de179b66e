import type { KioskRequest } from "kiosk";
import type { FileContext } from "./file-provider";

/** The public address of `/uploads`: the config's `files.url`, else the request's own origin. */
export function fileContext(req: KioskRequest<unknown, unknown>): FileContext {
  const configured = req.scope.resolve("config").files.url;
  return { baseUrl: configured ?? `${req.protocol}://${req.get("host")}/uploads` };
}
