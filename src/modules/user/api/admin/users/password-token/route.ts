import { limitSignIn, responses, withValidation, z, type KioskResponse } from "kiosk";

const body = z.strictObject({ email: z.string().email().max(254) });

/**
 * Asks for a password reset token (Medusa v1 `POST /admin/users/password-token`, no
 * token needed): always 204; when a user has the email, the token goes out with
 * `user.password_reset`. Under the sign-in limits, where every request counts (each may send an email).
 */
export const POST = withValidation({ body, response: responses.noContent }, async (req, res: KioskResponse) => {
  const { email } = req.validatedBody;
  await limitSignIn(req, { actorType: "user", email }, () => req.scope.resolve("userPasswordResetService").requestToken(email), {
    countSuccess: true,
  });
  res.status(204).end();
});
