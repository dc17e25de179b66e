import { signToken, type KioskRequest, type ResolvedConfig } from "kiosk";

/** A signed bearer token for a store customer. */
export function customerToken(req: KioskRequest, customerId: string): string {
  const { jwtSecret } = req.scope.resolve<ResolvedConfig>("config").http;
  return signToken({ actorType: "customer", actorId: customerId }, jwtSecret);
}
