import { createHmac, timingSafeEqual } from "node:crypto";

/** Seconds a download URL of a protected file stays valid. */
export const DOWNLOAD_TTL = 3600;

function sign(secret: string, name: string, expires: number): string {
  return createHmac("sha256", secret).update(`kiosk-file-download:${name}:${expires}`).digest("base64url");
}

/** `?expires=<unix seconds>&signature=<HMAC>` for a protected file's name. */
export function signedQuery(secret: string, name: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + DOWNLOAD_TTL;
  return `expires=${expires}&signature=${sign(secret, name, expires)}`;
}

/** Whether a download URL's query is the one signed for this name and has not expired. */
export function verifySignature(secret: string, name: string, expires: string | undefined, signature: string | undefined, now = Date.now()): boolean {
  if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
  const at = Number(expires);
  if (at * 1000 < now) return false;
  const expected = Buffer.from(sign(secret, name, at));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
