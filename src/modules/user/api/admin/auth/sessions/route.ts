import { clearSessionCookie, requireActorId, responses, withValidation, type KioskResponse } from "kiosk";
import type UserService from "../../../../services/user";

/** Signs the admin out everywhere: every token and session cookie issued to them so far stops working. */
export const DELETE = withValidation({ response: responses.emptyOk }, async (req, res: KioskResponse) => {
  await req.scope.resolve<UserService>("userService").revokeTokens(requireActorId(req, "user"));
  clearSessionCookie(res, "user");
  res.status(200).end();
});
