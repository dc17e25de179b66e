import type { KioskResponse } from "kiosk";

/**
 * `res.json(body)` for large bodies on hot routes: hands the string straight to
 * Node, which sets Content-Length, instead of express copying it into a Buffer.
 */
export function sendJson(res: KioskResponse, body: unknown): void {
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}
