import { responses, withValidation, type KioskResponse } from "kiosk";
import type InviteService from "../../../../../services/invite";

export const POST = withValidation({ response: responses.emptyOk }, async (req, res: KioskResponse) => {
  await req.scope.resolve<InviteService>("inviteService").resend(req.params.invite_id);
  res.status(200).end();
});
