import { withValidation, type KioskRequest, type KioskResponse } from "kiosk";
import type UserService from "../../../../services/user";
import { updateUser } from "../validators";

export async function GET(req: KioskRequest, res: KioskResponse) {
  res.json({ user: await req.scope.resolve<UserService>("userService").retrieve(req.params.id) });
}

export const POST = withValidation({ body: updateUser }, async (req, res: KioskResponse) => {
  res.json({ user: await req.scope.resolve<UserService>("userService").update(req.params.id, req.validatedBody) });
});

export async function DELETE(req: KioskRequest, res: KioskResponse) {
  await req.scope.resolve<UserService>("userService").delete(req.params.id);
  res.json({ id: req.params.id, object: "user", deleted: true });
}
