import { withValidation, type KioskResponse } from "kiosk";
import type ClaimService from "../../../../../../services/claim";
import { updateClaim } from "../../../../../validators";
import { orderWithClaims } from "../../../../../schemas";

/** Updates a claim (Medusa v1's `POST /admin/orders/:id/claims/:claim_id`): `{ order }`. */
export const POST = withValidation({ body: updateClaim, response: orderWithClaims }, async (req, res: KioskResponse) => {
  const claims = req.scope.resolve<ClaimService>("claimService");
  res.json({ order: await claims.update(req.params.id, req.params.claim_id, req.validatedBody) });
});
