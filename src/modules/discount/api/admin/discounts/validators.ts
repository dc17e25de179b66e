import { customFieldsShape, isoDate, listQuery, metadata, money, z } from "kiosk";
import { DISCOUNT_CONDITION_OPERATORS } from "../../../models/discount-condition";
import { DISCOUNT_ALLOCATIONS, DISCOUNT_RULE_TYPES } from "../../../models/discount-rule";
import { isDuration } from "../../../lib/valid-duration";

const id = z.string().min(1).max(100);
const code = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w-]+$/, "may hold letters, digits, _ and - only");
/** A fixed amount in minor units, or a percentage (the service holds percentages to 1–100). */
const value = money;
const ids = z.array(id).max(1000);
/** Exactly one list of ids, named by the condition's type (the service checks there is one). */
const conditionLists = {
  products: ids.optional(),
  product_types: ids.optional(),
  product_collections: ids.optional(),
  product_tags: ids.optional(),
  customer_groups: ids.optional(),
};
const operator = z.enum(DISCOUNT_CONDITION_OPERATORS);
const validDuration = z.string().max(100).refine(isDuration, "an ISO 8601 duration, such as P1M or PT12H");

/** A condition in `rule.conditions` and the body of `POST /admin/discounts/:id/conditions`. */
export const createCondition = z.strictObject({ operator, ...conditionLists, metadata });

/** The body of `POST /admin/discounts/:id/conditions/:condition_id`: the condition's ids, all replaced. */
export const updateCondition = z.strictObject({ ...conditionLists, metadata });

/** The body of `POST|DELETE /admin/discounts/:id/conditions/:condition_id/batch`. */
export const conditionBatch = z.strictObject({ resources: z.array(z.strictObject({ id })).min(1).max(1000) });

/** The body of `POST /admin/discounts/:id/dynamic-codes` (a code used once unless `usage_limit` says otherwise). */
export const createDynamicCode = z.strictObject({
  code,
  usage_limit: z.number().int().min(1).max(2_147_483_647).nullable().optional(),
  metadata,
});

const queryBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** The body of `POST /admin/discounts`, as Medusa v1's `AdminPostDiscountsReq`. */
export const createDiscount = z.strictObject({
  code,
  rule: z.strictObject({
    type: z.enum(DISCOUNT_RULE_TYPES),
    value,
    allocation: z.enum(DISCOUNT_ALLOCATIONS).optional(),
    description: z.string().max(2000).nullable().optional(),
    metadata,
    conditions: z.array(createCondition).max(50).optional(),
  }),
  regions: z.array(id).min(1).max(100),
  is_dynamic: z.boolean().optional(),
  valid_duration: validDuration.nullable().optional(),
  is_disabled: z.boolean().optional(),
  starts_at: isoDate.optional(),
  ends_at: isoDate.nullable().optional(),
  usage_limit: z.number().int().min(1).max(2_147_483_647).nullable().optional(),
  metadata,
  ...customFieldsShape("discount", "admin"),
});

/** The body of `POST /admin/discounts/:id`: the rule's type cannot change. */
export const updateDiscount = z.strictObject({
  code: code.optional(),
  rule: z
    .strictObject({
      id: z.string().optional(),
      value: value.optional(),
      allocation: z.enum(DISCOUNT_ALLOCATIONS).optional(),
      description: z.string().max(2000).nullable().optional(),
      metadata,
    })
    .optional(),
  regions: z.array(id).min(1).max(100).optional(),
  is_disabled: z.boolean().optional(),
  starts_at: isoDate.optional(),
  ends_at: isoDate.nullable().optional(),
  usage_limit: z.number().int().min(1).max(2_147_483_647).nullable().optional(),
  valid_duration: validDuration.nullable().optional(),
  metadata,
  ...customFieldsShape("discount", "admin"),
});

export const listDiscounts = listQuery(
  { q: z.string().max(100).optional(), is_disabled: queryBoolean.optional(), is_dynamic: queryBoolean.optional() },
  20,
);
