import { signToken, type KioskRequest, type ResolvedConfig } from "kiosk";

/** A signed bearer token for a store customer, carrying the customer's token version. */
export function customerToken(req: KioskRequest, customerId: string, version: number): string {
  const { jwtSecret } = req.scope.resolve<ResolvedConfig>("config").http;
  return signToken({ actorType: "customer", actorId: customerId, version }, jwtSecret);
}
