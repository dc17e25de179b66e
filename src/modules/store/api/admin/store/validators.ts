import { metadata, z } from "kiosk";

const code = z.string().min(1).max(10);
const template = z.string().max(2_000).nullable().optional();

export const updateStore = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  swap_link_template: template,
  payment_link_template: template,
  invite_link_template: template,
  default_currency_code: code.optional(),
  default_region_id: z.string().min(1).max(200).nullable().optional(),
  currencies: z.array(code).max(500).optional(),
  metadata,
});
