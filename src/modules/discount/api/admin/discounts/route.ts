import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type DiscountService from "../../../services/discount";
import { createDiscount, listDiscounts } from "./validators";
import { discountList, discountResponse } from "../../schemas";

/** Discount codes, newest first, searched by code with `q`: `{ discounts, count, offset, limit }`. */
export const GET = withValidation({ query: listDiscounts, response: discountList }, async (req, res: KioskResponse) => {
  const [discounts, count] = await req.scope.resolve<DiscountService>("discountService").list(req.validatedQuery);
  res.json(listEnvelope("discounts", discounts, count, req.validatedQuery));
});

/** Creates a discount code (stored upper-case): `{ discount }`. */
export const POST = withValidation({ body: createDiscount, response: discountResponse }, async (req, res: KioskResponse) => {
  res.json({ discount: await req.scope.resolve<DiscountService>("discountService").create(req.validatedBody) });
});
