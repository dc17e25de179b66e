import { limitSignIn, signToken, type KioskRequest, type ResolvedConfig } from "kiosk";
import type { User } from "../../../models/user";
import type UserService from "../../../services/user";

/**
 * Checks an admin's email and password under the kernel's sign-in limits (a
 * 429 past them) and signs a token carrying the user's token version.
 */
export async function signIn(req: KioskRequest<{ email: string; password: string }>): Promise<{ user: User; token: string }> {
  const { email, password } = req.validatedBody;
  const { user, tokenVersion } = await limitSignIn(req, { actorType: "user", email }, () =>
    req.scope.resolve<UserService>("userService").signIn(email, password),
  );
  const { jwtSecret } = req.scope.resolve<ResolvedConfig>("config").http;
  return { user, token: signToken({ actorType: "user", actorId: user.id, version: tokenVersion }, jwtSecret) };
}
