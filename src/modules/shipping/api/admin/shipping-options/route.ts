import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type ShippingOptionService from "../../../services/shipping-option";
import { createShippingOption, listShippingOptions } from "./validators";
import { shippingOptionList, shippingOptionResponse } from "../../schemas";

/** Shipping options, by region and kind: `{ shipping_options, count, offset, limit }`. */
export const GET = withValidation({ query: listShippingOptions, response: shippingOptionList }, async (req, res: KioskResponse) => {
  const { offset, limit, region_id, is_return, admin_only } = req.validatedQuery;
  const [options, count] = await req.scope
    .resolve<ShippingOptionService>("shippingOptionService")
    .list({ region_id, is_return, admin_only }, { offset, limit });
  res.json(listEnvelope("shipping_options", options, count, req.validatedQuery));
});

/** Creates a flat-rate shipping option for a region: `{ shipping_option }`. */
export const POST = withValidation({ body: createShippingOption, response: shippingOptionResponse }, async (req, res: KioskResponse) => {
  const { profile_id: _p, requirements, ...input } = req.validatedBody;
  const service = req.scope.resolve<ShippingOptionService>("shippingOptionService");
  const requirementRows = requirements?.map(({ type, amount }) => ({ type, amount }));
  res.json({ shipping_option: await service.create({ ...input, requirements: requirementRows }) });
});
