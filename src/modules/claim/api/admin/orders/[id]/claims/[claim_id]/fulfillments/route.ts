import { withValidation, type KioskResponse } from "kiosk";
import type ClaimService from "../../../../../../../services/claim";
import { fulfillClaim } from "../../../../../../validators";
import { orderWithClaims } from "../../../../../../schemas";

/** Fulfils a replace claim's new items (Medusa v1's `POST /admin/orders/:id/claims/:claim_id/fulfillments`): `{ order }`. */
export const POST = withValidation({ body: fulfillClaim, response: orderWithClaims }, async (req, res: KioskResponse) => {
  const { location_id: _l, ...input } = req.validatedBody;
  res.json({ order: await req.scope.resolve<ClaimService>("claimService").fulfill(req.params.id, req.params.claim_id, input) });
});
