import { withValidation, type KioskResponse } from "kiosk";
import { expandOf, shippingOptionBatch, taxRateQuery } from "../../../validators";
import { taxRateResponse } from "../../../../../schemas";

/** Links shipping options to the rate: `{ shipping_options: [id] }` -> `{ tax_rate }`. */
export const POST = withValidation({ body: shippingOptionBatch, query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve("taxRateService");
  res.json({ tax_rate: await service.link(req.params.id, "shipping_options", req.validatedBody.shipping_options, expandOf(req.validatedQuery)) });
});

/** Unlinks them. */
export const DELETE = withValidation({ body: shippingOptionBatch, query: taxRateQuery, response: taxRateResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve("taxRateService");
  res.json({ tax_rate: await service.unlink(req.params.id, "shipping_options", req.validatedBody.shipping_options, expandOf(req.validatedQuery)) });
});
