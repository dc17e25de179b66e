import { withValidation, type KioskResponse } from "kiosk";
import type ClaimService from "../../../../../../../services/claim";
import { noBody } from "../../../../../../validators";
import { orderWithClaims } from "../../../../../../schemas";

/** Cancels a claim, giving its replacement items' stock back (Medusa v1's `POST /admin/orders/:id/claims/:claim_id/cancel`): `{ order }`. */
export const POST = withValidation({ body: noBody, response: orderWithClaims }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<ClaimService>("claimService").cancel(req.params.id, req.params.claim_id) });
});
