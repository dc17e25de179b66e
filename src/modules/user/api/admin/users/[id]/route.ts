import { withValidation, type KioskResponse, responses } from "kiosk";
import type UserService from "../../../../services/user";
import { updateUser } from "../validators";
import { userResponse } from "../../../schemas";

export const GET = withValidation({ response: userResponse }, async (req, res: KioskResponse) => {
  res.json({ user: await req.scope.resolve<UserService>("userService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateUser, response: userResponse }, async (req, res: KioskResponse) => {
  res.json({ user: await req.scope.resolve<UserService>("userService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<UserService>("userService").delete(req.params.id);
  res.json({ id: req.params.id, object: "user", deleted: true });
});
