import { signToken, withValidation, type KioskResponse, type ResolvedConfig } from "kiosk";
import type UserService from "../../../../services/user";
import { credentials } from "../credentials";

/** Exchanges an admin's email and password for a bearer token: `{ access_token }`. */
export const POST = withValidation({ body: credentials }, async (req, res: KioskResponse) => {
  const user = await req.scope.resolve<UserService>("userService").authenticate(req.validatedBody.email, req.validatedBody.password);
  const { jwtSecret } = req.scope.resolve<ResolvedConfig>("config").http;
  res.json({ access_token: signToken({ actorType: "user", actorId: user.id }, jwtSecret) });
});
