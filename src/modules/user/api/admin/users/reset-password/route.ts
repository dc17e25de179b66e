import { limitSignIn, passwordResetTokenSubject, withValidation, z, type KioskResponse } from "kiosk";
import { userResponse } from "../../../schemas";

const body = z.strictObject({
  email: z.string().email().max(254).optional(),
  token: z.string().min(1).max(2048),
  password: z.string().min(8).max(256),
});

/**
 * Sets a new password with a reset token (Medusa v1 `POST /admin/users/reset-password`,
 * no token needed): `{ user }`; 401 `invalid_reset_token` for a wrong, expired or spent
 * token. Signs the user out everywhere. Under the sign-in limits (by the email, else the token's account).
 */
export const POST = withValidation({ body, response: userResponse }, async (req, res: KioskResponse) => {
  const input = req.validatedBody;
  const user = await limitSignIn(req, { actorType: "user", email: input.email ?? passwordResetTokenSubject(input.token) ?? "" }, () =>
    req.scope.resolve("userPasswordResetService").reset(input),
  );
  res.json({ user });
});
