import { withValidation, z, type KioskResponse } from "kiosk";
import type CurrencyService from "../../../../services/currency";
import { currencyResponse } from "../../../schemas";

const updateCurrency = z.strictObject({ includes_tax: z.boolean().optional() });

export const POST = withValidation({ body: updateCurrency, response: currencyResponse }, async (req, res: KioskResponse) => {
  res.json({ currency: await req.scope.resolve<CurrencyService>("currencyService").update(req.params.code, req.validatedBody) });
});
