import { apiKeys } from "./api-keys";
import { categories, collections, customerGroups } from "./catalog";
import { priceLists } from "./price-lists";
import { salesChannels } from "./sales-channels";
import type { SettingsForms } from "./types";

/** The forms of the settings' resources, by path segment (the others are listed and shown only). */
export const SETTINGS_FORMS: Record<string, SettingsForms> = {
  "sales-channels": salesChannels,
  "publishable-api-keys": apiKeys,
  "price-lists": priceLists,
  collections,
  "product-categories": categories,
  "customer-groups": customerGroups,
};
