import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import { createTaxRate, expandOf, listTaxRates, taxRateQuery } from "./validators";
import { taxRateList, taxRateResponse } from "../../schemas";

export const GET = withValidation({ query: listTaxRates, response: taxRateList }, async (req, res: KioskResponse) => {
  const { offset, limit, order, expand, fields: _f, ...filters } = req.validatedQuery;
  const [rates, count] = await req.scope.resolve("taxRateService").list(filters, { offset, limit, order }, expandOf({ expand }));
  res.json(listEnvelope("tax_rates", rates, count, req.validatedQuery));
});

export const POST = withValidation({ body: createTaxRate, query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
  res.json({ tax_rate: await req.scope.resolve("taxRateService").create(req.validatedBody, expandOf(req.validatedQuery)) });
});
