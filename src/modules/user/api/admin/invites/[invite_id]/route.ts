import { responses, withValidation, type KioskResponse } from "kiosk";
import type InviteService from "../../../../services/invite";

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<InviteService>("inviteService").delete(req.params.invite_id);
  res.json({ id: req.params.invite_id, object: "invite", deleted: true });
});
