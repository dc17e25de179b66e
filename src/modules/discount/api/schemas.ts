import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

const references = z.array(z.looseObject({ id: z.string() })).optional();

/** A condition of a rule: the resources it names are under its type (`products: [{ id }]`, …). */
export const DiscountCondition = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    type: z.enum(["products", "product_types", "product_collections", "product_tags", "customer_groups"]),
    operator: z.enum(["in", "not_in"]),
    discount_rule_id: z.string(),
    metadata,
    products: references,
    product_types: references,
    product_collections: references,
    product_tags: references,
    customer_groups: references,
  })
  .meta({ id: "DiscountCondition" });

export const DiscountRule = z
  .looseObject({
    id: z.string(),
    type: z.enum(["percentage", "fixed", "free_shipping"]),
    value: z.number(),
    allocation: z.enum(["total", "item"]).nullable(),
    description: z.string().nullable(),
    metadata,
    conditions: z.array(DiscountCondition).optional(),
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
    parent_discount_id: z.string().nullable(),
    valid_duration: z.string().nullable(),
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
export const conditionResponse = z.looseObject({ discount_condition: DiscountCondition });
/** `DELETE …/conditions/:condition_id`: the deletion and the discount after it. */
export const conditionDeleted = z.looseObject({ id: z.string(), object: z.literal("discount-condition"), deleted: z.literal(true), discount: Discount });
