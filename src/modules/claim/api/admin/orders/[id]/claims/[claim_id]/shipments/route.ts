import { withValidation, type KioskResponse } from "kiosk";
import type ClaimService from "../../../../../../../services/claim";
import { shipClaim } from "../../../../../../validators";
import { orderWithClaims } from "../../../../../../schemas";

/** Marks a claim's fulfillment shipped (Medusa v1's `POST /admin/orders/:id/claims/:claim_id/shipments`): `{ order }`. */
export const POST = withValidation({ body: shipClaim, response: orderWithClaims }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<ClaimService>("claimService").ship(req.params.id, req.params.claim_id, req.validatedBody) });
});
