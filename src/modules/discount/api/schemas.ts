import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

export const DiscountRule = z
  .looseObject({
    id: z.string(),
    type: z.enum(["percentage", "fixed", "free_shipping"]),
    value: z.number(),
    allocation: z.enum(["total", "item"]).nullable(),
    description: z.string().nullable(),
    metadata,
  })
  .meta({ id: "DiscountRule" });

/** A discount code, its rule and the regions it applies in (the region module's objects). */
export const Discount = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    code: z.string(),
    is_dynamic: z.boolean(),
    rule_id: z.string(),
    rule: DiscountRule.optional(),
    is_disabled: z.boolean(),
    starts_at: timestamp,
    ends_at: timestamp.nullable(),
    usage_limit: z.number().int().nullable(),
    usage_count: z.number().int(),
    metadata,
    regions: z.array(responses.reference).optional(),
  })
  .meta({ id: "Discount" });

export const discountResponse = z.looseObject({ discount: Discount });
export const discountList = responses.list("discounts", Discount);
