import { NotFoundError, type KioskResponse } from "kiosk";
import { typeOfStoredName } from "./file-types";

/**
 * Sends a stored file of the `local` provider: its type from its generated name,
 * never sniffed by the browser, never run as a page (a sandboxing CSP), and
 * anything but an image as a download.
 */
export function sendStoredFile(res: KioskResponse, file: string, name: string, cache: string): Promise<void> {
  const type = typeOfStoredName(name);
  const inline = type?.mimeType.startsWith("image/") ?? false;
  return new Promise((resolve, reject) => {
    res.sendFile(
      file,
      {
        dotfiles: "deny",
        cacheControl: false,
        headers: {
          "Content-Type": type?.mimeType ?? "application/octet-stream",
          "X-Content-Type-Options": "nosniff",
          "Content-Security-Policy": "default-src 'none'; sandbox",
          "Content-Disposition": inline ? "inline" : `attachment; filename="${name}"`,
          "Cache-Control": cache,
        },
      },
      (err?: Error) => {
        if (!err) return resolve();
        if (res.headersSent) return resolve();
        reject(new NotFoundError(`File ${name} was not found`, "file_not_found"));
      },
    );
  });
}
