import {
  clearSessionCookie,
  requireActorId,
  setSessionCookie,
  responses,
  withValidation,
  type KioskResponse,
} from "kiosk";
import type UserService from "../../../services/user";
import { credentials } from "./credentials";
import { signIn } from "./sign-in";
import { userResponse } from "../../schemas";

/** Signs in with a session cookie: `{ user }`. */
export const POST = withValidation({ body: credentials, response: userResponse }, async (req, res: KioskResponse) => {
  const { user, token } = await signIn(req);
  setSessionCookie(res, "user", token);
  res.json({ user });
});

/** The signed-in user: `{ user }`. */
export const GET = withValidation({ response: userResponse }, async (req, res: KioskResponse) => {
  const user = await req.scope.resolve<UserService>("userService").retrieve(requireActorId(req, "user"));
  res.json({ user });
});

/** Signs out of the cookie session. */
export const DELETE = withValidation({ response: responses.emptyOk }, async (_req, res: KioskResponse) => {
  clearSessionCookie(res, "user");
  res.status(200).end();
});
