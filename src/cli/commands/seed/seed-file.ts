import fs from "node:fs";
import { z } from "zod";
import { strictIsoDate } from "../../../kernel/http/date-schema";
import { money } from "../../../kernel/http/money-schema";
import { DISCOUNT_ALLOCATIONS, DISCOUNT_RULE_TYPES } from "../../../modules/discount/models/discount-rule";
import { CliError } from "../../cli-error";

const price = z.strictObject({
  amount: money,
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/),
  region: z.string().optional(),
});

/** A flat-rate shipping option of a region, as in Medusa v1's seed (the region by name here). */
const shippingOption = z.strictObject({
  name: z.string().trim().min(1).max(200),
  region: z.string().min(1),
  provider_id: z.string().min(1).default("manual"),
  price_type: z.literal("flat_rate", { message: "only flat_rate prices are supported" }).default("flat_rate"),
  amount: money,
  requirements: z
    .array(z.strictObject({ type: z.enum(["min_subtotal", "max_subtotal"]), amount: money }))
    .max(2)
    .default([]),
  data: z.record(z.string(), z.unknown()).default({}),
  admin_only: z.boolean().default(false),
  is_return: z.boolean().default(false),
});

const variant = z.strictObject({
  title: z.string().min(1),
  sku: z.string().optional(),
  inventory_quantity: z.number().int().min(0).default(0),
  manage_inventory: z.boolean().optional(),
  allow_backorder: z.boolean().optional(),
  prices: z.array(price).default([]),
  options: z.array(z.strictObject({ value: z.string() })).default([]),
});

/** A discount code, as `POST /admin/discounts` takes it, with its regions by name and dates in ISO 8601. */
const discount = z.strictObject({
  code: z.string().trim().min(1).max(100).regex(/^[\w-]+$/, "may hold letters, digits, _ and - only"),
  rule: z.strictObject({
    type: z.enum(DISCOUNT_RULE_TYPES),
    value: money,
    allocation: z.enum(DISCOUNT_ALLOCATIONS).optional(),
    description: z.string().max(2000).optional(),
  }),
  regions: z.array(z.string().min(1)).min(1),
  starts_at: strictIsoDate.optional(),
  ends_at: strictIsoDate.optional(),
  usage_limit: z.number().int().min(1).optional(),
  is_disabled: z.boolean().optional(),
});

/** The shape of a seed file: every section optional, references by handle or name. */
export const seedFile = z.strictObject({
  users: z
    .array(
      z.strictObject({
        email: z.string().email(),
        password: z.string().min(8),
        first_name: z.string().optional(),
        last_name: z.string().optional(),
        role: z.enum(["admin", "member", "developer"]).optional(),
      }),
    )
    .default([]),
  regions: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        currency_code: z.string().regex(/^[a-zA-Z]{3}$/),
        tax_rate: z.number().min(0).max(100).default(0),
        countries: z.array(z.string().regex(/^[a-zA-Z]{2}$/)).default([]),
      }),
    )
    .default([]),
  shipping_options: z.array(shippingOption).default([]),
  collections: z.array(z.strictObject({ title: z.string().min(1), handle: z.string().min(1) })).default([]),
  categories: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        handle: z.string().min(1),
        description: z.string().optional(),
        parent: z.string().optional(),
        /** The Store API lists a category only when it is active and not internal; `is_active` defaults to false, as in the Admin API. */
        is_active: z.boolean().optional(),
        is_internal: z.boolean().optional(),
      }),
    )
    .default([]),
  products: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        handle: z.string().min(1),
        subtitle: z.string().optional(),
        description: z.string().optional(),
        status: z.enum(["draft", "proposed", "published", "rejected"]).default("published"),
        thumbnail: z.string().optional(),
        images: z.array(z.string()).optional(),
        collection: z.string().optional(),
        categories: z.array(z.string()).default([]),
        tags: z.array(z.string()).default([]),
        options: z.array(z.strictObject({ title: z.string().min(1) })).default([]),
        variants: z.array(variant).min(1),
      }),
    )
    .default([]),
  discounts: z.array(discount).default([]),
});

export type SeedFile = z.infer<typeof seedFile>;

/** Reads and validates a seed file; any problem is one line naming the file and the entry. */
export function readSeedFile(file: string): SeedFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message;
    throw new CliError("KIOSK_SEED_INVALID", `cannot read ${file}: ${reason}`);
  }
  const parsed = seedFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join(".") || "(root)";
    throw new CliError("KIOSK_SEED_INVALID", `${file}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}
