import { customFieldsShape, listQuery, metadata, money, z } from "kiosk";

const id = z.string().min(1).max(100);
const queryBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

const requirement = z.strictObject({
  // Medusa clients send the id of an existing requirement when updating; it is not kept.
  id: z.string().optional(),
  type: z.enum(["min_subtotal", "max_subtotal"]),
  amount: money,
});

/** The body of `POST /admin/shipping-options`, as Medusa v1's `AdminPostShippingOptionsReq` (flat rates only). */
export const createShippingOption = z.strictObject({
  name: z.string().trim().min(1).max(200),
  region_id: id,
  provider_id: id,
  price_type: z.literal("flat_rate", { message: "only flat_rate prices are supported" }),
  amount: money,
  data: z.record(z.string(), z.unknown()).optional(),
  is_return: z.boolean().optional(),
  admin_only: z.boolean().optional(),
  requirements: z.array(requirement).max(2).optional(),
  metadata,
  ...customFieldsShape("shipping_option", "admin"),
  // Accepted for Medusa clients; shipping profiles are not part of Kiosk.
  profile_id: z.string().max(100).optional(),
  includes_tax: z.boolean().optional(),
});

/** The body of `POST /admin/shipping-options/:id`. */
export const updateShippingOption = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  amount: money.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  admin_only: z.boolean().optional(),
  requirements: z.array(requirement).max(2).optional(),
  metadata,
  ...customFieldsShape("shipping_option", "admin"),
  includes_tax: z.boolean().optional(),
});

export const listShippingOptions = listQuery(
  { region_id: id.optional(), is_return: queryBoolean.optional(), admin_only: queryBoolean.optional() },
  50,
);
