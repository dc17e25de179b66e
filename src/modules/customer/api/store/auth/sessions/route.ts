import { clearSessionCookie, requireActorId, responses, withValidation, type KioskResponse } from "kiosk";
import type CustomerService from "../../../../services/customer";

/** Signs the customer out everywhere: every token and session cookie issued to them so far stops working. */
export const DELETE = withValidation({ response: responses.emptyOk }, async (req, res: KioskResponse) => {
  await req.scope.resolve<CustomerService>("customerService").revokeTokens(requireActorId(req, "customer"));
  clearSessionCookie(res, "customer");
  res.status(200).end();
});
