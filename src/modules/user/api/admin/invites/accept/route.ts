import { responses, withValidation, type KioskResponse } from "kiosk";
import type InviteService from "../../../../services/invite";
import { acceptInvite } from "../validators";

/** Needs no sign-in (`api/middlewares.ts`): the token is the credential. Medusa v1 answers an empty 200. */
export const POST = withValidation({ body: acceptInvite, response: responses.emptyOk }, async (req, res: KioskResponse) => {
  await req.scope.resolve<InviteService>("inviteService").accept(req.validatedBody);
  res.status(200).end();
});
