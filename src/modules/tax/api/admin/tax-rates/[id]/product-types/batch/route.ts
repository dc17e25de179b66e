import { withValidation, type KioskResponse } from "kiosk";
import { expandOf, productTypeBatch, taxRateQuery } from "../../../validators";
import { taxRateResponse } from "../../../../../schemas";

/** Links product types to the rate: `{ product_types: [id] }` -> `{ tax_rate }`. */
export const POST = withValidation({ body: productTypeBatch, query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve("taxRateService");
  res.json({ tax_rate: await service.link(req.params.id, "product_types", req.validatedBody.product_types, expandOf(req.validatedQuery)) });
});

/** Unlinks them. */
export const DELETE = withValidation({ body: productTypeBatch, query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve("taxRateService");
  res.json({ tax_rate: await service.unlink(req.params.id, "product_types", req.validatedBody.product_types, expandOf(req.validatedQuery)) });
});
