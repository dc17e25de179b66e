import { withValidation, type KioskResponse } from "kiosk";
import { paymentProviderList } from "../../../schemas";

/** The installed payment providers (`manual` and any a plugin or the project adds), as Medusa lists them. */
export const GET = withValidation({ response: paymentProviderList }, async (req, res: KioskResponse) => {
  res.json({ payment_providers: req.scope.resolve("paymentProviderService").list() });
});
