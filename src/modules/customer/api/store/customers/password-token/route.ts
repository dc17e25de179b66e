import { limitSignIn, responses, withValidation, z, type KioskResponse } from "kiosk";
import { email } from "../../../customer-fields";

const body = z.strictObject({ email });

/**
 * Asks for a password reset token (Medusa v1 `POST /store/customers/password-token`):
 * always 204, whether or not the email has an account; when it has, the token
 * goes out with `customer.password_reset`. Under the sign-in limits, where every request counts (each may send an email).
 */
export const POST = withValidation({ body, response: responses.noContent }, async (req, res: KioskResponse) => {
  const { email } = req.validatedBody;
  await limitSignIn(req, { actorType: "customer", email }, () =>
    req.scope.resolve("customerPasswordResetService").requestToken(email),
    { countSuccess: true },
  );
  res.status(204).end();
});
