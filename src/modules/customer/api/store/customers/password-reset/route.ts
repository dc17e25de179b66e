import { limitSignIn, withValidation, z, type KioskResponse } from "kiosk";
import { email, password } from "../../../customer-fields";
import { customerResponse } from "../../../schemas";

const body = z.strictObject({ email, token: z.string().min(1).max(2048), password });

/**
 * Sets a new password with a reset token (Medusa v1 `POST /store/customers/password-reset`):
 * `{ customer }`; 401 `invalid_reset_token` for a wrong, expired or spent token.
 * Signs the customer out everywhere (not in: sign in with the new password). Under the sign-in limits.
 */
export const POST = withValidation({ body, response: customerResponse }, async (req, res: KioskResponse) => {
  const { email, token, password } = req.validatedBody;
  const customer = await limitSignIn(req, { actorType: "customer", email }, () =>
    req.scope.resolve("customerPasswordResetService").reset(email, token, password),
  );
  res.json({ customer });
});
