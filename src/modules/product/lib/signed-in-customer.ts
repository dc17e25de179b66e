import type { KioskRequest } from "kiosk";

/** The signed-in customer's id on a store route (prices of its groups' lists apply), else undefined. */
export function signedInCustomer(req: KioskRequest<any, any>): string | undefined {
  return req.auth?.actorType === "customer" ? req.auth.actorId : undefined;
}
