import {
  clearSessionCookie,
  requireActorId,
  setSessionCookie,
  signToken,
  withValidation,
  type KioskRequest,
  type KioskResponse,
  type ResolvedConfig,
} from "kiosk";
import type UserService from "../../../services/user";
import { credentials } from "./credentials";

/** Signs in with a session cookie: `{ user }`. */
export const POST = withValidation({ body: credentials }, async (req, res: KioskResponse) => {
  const user = await req.scope.resolve<UserService>("userService").authenticate(req.validatedBody.email, req.validatedBody.password);
  const { jwtSecret } = req.scope.resolve<ResolvedConfig>("config").http;
  setSessionCookie(res, "user", signToken({ actorType: "user", actorId: user.id }, jwtSecret));
  res.json({ user });
});

/** The signed-in user: `{ user }`. */
export async function GET(req: KioskRequest, res: KioskResponse) {
  const user = await req.scope.resolve<UserService>("userService").retrieve(requireActorId(req, "user"));
  res.json({ user });
}

/** Signs out of the cookie session. */
export async function DELETE(_req: KioskRequest, res: KioskResponse) {
  clearSessionCookie(res, "user");
  res.status(200).end();
}
