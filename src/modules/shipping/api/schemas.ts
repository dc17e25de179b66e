import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

export const ShippingOption = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    name: z.string(),
    region_id: z.string(),
    provider_id: z.string(),
    price_type: z.string(),
    amount: z.number().int().nullable(),
    is_return: z.boolean(),
    admin_only: z.boolean(),
    includes_tax: z.boolean(),
    price_incl_tax: z.number().int().nullable().optional(),
    data: z.record(z.string(), z.unknown()),
    requirements: z.array(z.looseObject({ type: z.string(), amount: z.number().int() })),
    metadata,
    deleted_at: timestamp.nullable(),
  })
  .meta({ id: "ShippingOption" });

export const ShippingMethod = z
  .looseObject({
    id: z.string(),
    shipping_option_id: z.string(),
    cart_id: z.string().nullable(),
    order_id: z.string().nullable(),
    name: z.string().optional(),
    price: z.number().int(),
    data: z.record(z.string(), z.unknown()),
    shipping_option: ShippingOption.optional(),
  })
  .meta({ id: "ShippingMethod" });

export const shippingOptionResponse = z.looseObject({ shipping_option: ShippingOption });
export const shippingOptionList = responses.list("shipping_options", ShippingOption);
/** The store's options for a region or a cart: no paging. */
export const storeShippingOptions = z.looseObject({ shipping_options: z.array(ShippingOption) });

/** A shipping profile: the built-in `default` and `gift_card` ones, or an admin's `custom` one. */
export const ShippingProfile = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    name: z.string(),
    type: z.enum(["default", "gift_card", "custom"]),
    metadata,
  })
  .meta({ id: "ShippingProfile" });

export const shippingProfileResponse = z.looseObject({ shipping_profile: ShippingProfile });
export const shippingProfileList = z.looseObject({ shipping_profiles: z.array(ShippingProfile) });
