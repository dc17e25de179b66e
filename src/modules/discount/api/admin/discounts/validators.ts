import { customFieldsShape, isoDate, listQuery, metadata, money, z } from "kiosk";
import { DISCOUNT_ALLOCATIONS, DISCOUNT_RULE_TYPES } from "../../../models/discount-rule";

const id = z.string().min(1).max(100);
const code = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w-]+$/, "may hold letters, digits, _ and - only");
/** A fixed amount in minor units, or a percentage (the service holds percentages to 1–100). */
const value = money;
const queryBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** The body of `POST /admin/discounts`, as Medusa v1's `AdminPostDiscountsReq` (no conditions, no dynamic codes). */
export const createDiscount = z.strictObject({
  code,
  rule: z.strictObject({
    type: z.enum(DISCOUNT_RULE_TYPES),
    value,
    allocation: z.enum(DISCOUNT_ALLOCATIONS).optional(),
    description: z.string().max(2000).nullable().optional(),
    metadata,
  }),
  regions: z.array(id).min(1).max(100),
  is_dynamic: z.literal(false).optional(),
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
  metadata,
  ...customFieldsShape("discount", "admin"),
});

export const listDiscounts = listQuery(
  { q: z.string().max(100).optional(), is_disabled: queryBoolean.optional(), is_dynamic: queryBoolean.optional() },
  20,
);
