import { withValidation, type KioskResponse } from "kiosk";
import { expandOf, productBatch, taxRateQuery } from "../../../validators";
import { taxRateResponse } from "../../../../../schemas";

/** Links products to the rate: `{ products: [id] }` -> `{ tax_rate }`. */
export const POST = withValidation({ body: productBatch, query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve("taxRateService");
  res.json({ tax_rate: await service.link(req.params.id, "products", req.validatedBody.products, expandOf(req.validatedQuery)) });
});

/** Unlinks them. */
export const DELETE = withValidation({ body: productBatch, query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve("taxRateService");
  res.json({ tax_rate: await service.unlink(req.params.id, "products", req.validatedBody.products, expandOf(req.validatedQuery)) });
});
