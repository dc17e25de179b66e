import { withValidation, z, type KioskResponse } from "kiosk";
import type CurrencyService from "../../../../services/currency";

const updateCurrency = z.strictObject({ includes_tax: z.boolean().optional() });

export const POST = withValidation({ body: updateCurrency }, async (req, res: KioskResponse) => {
  res.json({ currency: await req.scope.resolve<CurrencyService>("currencyService").update(req.params.code, req.validatedBody) });
});
