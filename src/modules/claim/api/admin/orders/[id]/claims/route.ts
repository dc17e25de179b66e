import { withValidation, type KioskResponse } from "kiosk";
import type ClaimService from "../../../../../services/claim";
import { createClaim } from "../../../../validators";
import { orderWithClaims } from "../../../../schemas";

/**
 * Creates a claim on the order's items (Medusa v1's `POST /admin/orders/:id/claims`):
 * a refund claim refunds at once, a replace claim takes stock for its new items: `{ order }`.
 */
export const POST = withValidation({ body: createClaim, response: orderWithClaims }, async (req, res: KioskResponse) => {
  const { return_location_id: _l, ...input } = req.validatedBody;
  await req.scope.resolve<ClaimService>("claimService").create({ ...input, order_id: req.params.id });
  res.json({ order: await req.scope.resolve("orderService").retrieve(req.params.id) });
});
