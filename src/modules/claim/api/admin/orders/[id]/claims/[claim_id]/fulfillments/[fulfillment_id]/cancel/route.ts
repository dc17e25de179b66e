import { withValidation, type KioskResponse } from "kiosk";
import type ClaimService from "../../../../../../../../../services/claim";
import { noBody } from "../../../../../../../../validators";
import { orderWithClaims } from "../../../../../../../../schemas";

/** Cancels a claim's fulfillment that has not shipped (Medusa v1's `POST /admin/orders/:id/claims/:claim_id/fulfillments/:fulfillment_id/cancel`): `{ order }`. */
export const POST = withValidation({ body: noBody, response: orderWithClaims }, async (req, res: KioskResponse) => {
  const claims = req.scope.resolve<ClaimService>("claimService");
  res.json({ order: await claims.cancelFulfillment(req.params.id, req.params.claim_id, req.params.fulfillment_id) });
});
