import { listEnvelope, listQuery, withValidation, z, type KioskResponse } from "kiosk";
import type CurrencyService from "../../../services/currency";
import { currencyList } from "../../schemas";

const query = listQuery({ q: z.string().max(100).optional(), code: z.string().max(3).optional() }, 20);

export const GET = withValidation({ query, response: currencyList }, async (req, res: KioskResponse) => {
  const [currencies, count] = await req.scope.resolve<CurrencyService>("currencyService").list(req.validatedQuery);
  res.json(listEnvelope("currencies", currencies, count, req.validatedQuery));
});
