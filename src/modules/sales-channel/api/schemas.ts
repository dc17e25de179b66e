import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

/** A sales channel. */
export const SalesChannel = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    deleted_at: timestamp.nullable(),
    name: z.string(),
    description: z.string().nullable(),
    is_disabled: z.boolean(),
    is_default: z.boolean(),
    metadata,
  })
  .meta({ id: "SalesChannel" });

/** A publishable API key: its id is what a storefront sends as `x-publishable-api-key`. */
export const PublishableApiKey = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    title: z.string(),
    created_by: z.string().nullable(),
    revoked_by: z.string().nullable(),
    revoked_at: timestamp.nullable(),
  })
  .meta({ id: "PublishableApiKey" });

export const salesChannelResponse = z.looseObject({ sales_channel: SalesChannel });
export const salesChannelList = responses.list("sales_channels", SalesChannel);
export const publishableApiKeyResponse = z.looseObject({ publishable_api_key: PublishableApiKey });
export const publishableApiKeyList = responses.list("publishable_api_keys", PublishableApiKey);
export const keySalesChannels = z.looseObject({ sales_channels: z.array(SalesChannel) });
