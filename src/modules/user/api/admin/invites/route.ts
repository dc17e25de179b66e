import { responses, withValidation, type KioskResponse } from "kiosk";
import type InviteService from "../../../services/invite";
import { createInvite } from "./validators";
import { inviteList } from "../../schemas";

export const GET = withValidation({ response: inviteList }, async (req, res: KioskResponse) => {
  res.json({ invites: await req.scope.resolve<InviteService>("inviteService").list() });
});

/** Medusa v1 answers an invite with an empty 200; the token goes out with `invite.created`. */
export const POST = withValidation({ body: createInvite, response: responses.emptyOk }, async (req, res: KioskResponse) => {
  await req.scope.resolve<InviteService>("inviteService").create(req.validatedBody.user, req.validatedBody.role);
  res.status(200).end();
});
