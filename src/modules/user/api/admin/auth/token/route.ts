import { withValidation, type KioskResponse, responses } from "kiosk";
import { credentials } from "../credentials";
import { signIn } from "../sign-in";

/** Exchanges an admin's email and password for a bearer token: `{ access_token }`. */
export const POST = withValidation({ body: credentials, response: responses.token }, async (req, res: KioskResponse) => {
  const { token } = await signIn(req);
  res.json({ access_token: token });
});
