import { responses, withValidation, type KioskResponse } from "kiosk";
import { expandOf, taxRateQuery, updateTaxRate } from "../validators";
import { taxRateResponse } from "../../../schemas";

export const GET = withValidation({ query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
  res.json({ tax_rate: await req.scope.resolve("taxRateService").retrieve(req.params.id, expandOf(req.validatedQuery)) });
});

export const POST = withValidation({ body: updateTaxRate, query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
  res.json({ tax_rate: await req.scope.resolve("taxRateService").update(req.params.id, req.validatedBody, expandOf(req.validatedQuery)) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve("taxRateService").delete(req.params.id);
  res.json({ id: req.params.id, object: "tax-rate", deleted: true });
});
