import { InvalidDataError, NotFoundError, type KioskServices } from "kiosk";
import type { PriceListStatus, PriceListType } from "../models/price-list";

/** One price of a request: a new one, or (with `id`) a change of one the list has. */
export interface PriceInput {
  id?: string;
  variant_id: string;
  amount: number;
  /** Exactly one of `currency_code` and `region_id`. */
  currency_code?: string;
  region_id?: string;
  min_quantity?: number | null;
  max_quantity?: number | null;
}

export interface PriceListFields {
  name: string;
  description: string;
  type: PriceListType;
  status?: PriceListStatus;
  starts_at?: Date | null;
  ends_at?: Date | null;
}

export interface CreatePriceListInput extends PriceListFields {
  prices: PriceInput[];
  customer_groups?: { id: string }[];
}

export type UpdatePriceListInput = Partial<PriceListFields> & { prices?: PriceInput[]; customer_groups?: { id: string }[] };

/** A price ready to write: its variant's product and its currency known. */
export interface ResolvedPrice {
  id?: string;
  variant_id: string;
  product_id: string;
  currency_code: string;
  region_id: string | null;
  amount: number;
  min_quantity: number | null;
  max_quantity: number | null;
}

/**
 * Resolves request prices before the transaction: each variant must exist (404
 * `variant_not_found`), each region too (404), whose currency the price takes;
 * a quantity tier must not be empty (400).
 */
export async function resolvePrices(cradle: KioskServices, prices: PriceInput[]): Promise<ResolvedPrice[]> {
  const variants = await cradle.productVariantService.findVariants([...new Set(prices.map((p) => p.variant_id))]);
  const currencies = new Map<string, string>();
  for (const regionId of new Set(prices.flatMap((p) => (p.region_id ? [p.region_id] : [])))) {
    currencies.set(regionId, (await cradle.regionService.retrieve(regionId)).currency_code.toLowerCase());
  }
  return prices.map((p) => {
    const variant = variants.get(p.variant_id);
    if (!variant) throw new NotFoundError(`Variant with id ${p.variant_id} was not found`, "variant_not_found");
    const min = p.min_quantity ?? null;
    const max = p.max_quantity ?? null;
    if (min !== null && max !== null && min > max) {
      throw new InvalidDataError("prices: min_quantity is above max_quantity", { code: "invalid_request", field: "prices" });
    }
    return {
      id: p.id,
      variant_id: variant.id,
      product_id: variant.product_id,
      currency_code: p.region_id ? currencies.get(p.region_id)! : p.currency_code!.toLowerCase(),
      region_id: p.region_id ?? null,
      amount: p.amount,
      min_quantity: min,
      max_quantity: max,
    };
  });
}

/** The live customer groups named (a 404 for an unknown or deleted one), as ids. */
export async function resolveGroups(cradle: KioskServices, groups: { id: string }[] | undefined): Promise<string[] | undefined> {
  if (!groups) return undefined;
  const ids = [...new Set(groups.map((g) => g.id))];
  const found = await cradle.customerGroupService.liveGroups(ids);
  const missing = ids.find((id) => !found.some((g) => g.id === id));
  if (missing) throw new NotFoundError(`Customer group with id ${missing} was not found`, "customer_group_not_found");
  return ids;
}

/** `starts_at` must come before `ends_at` when both are set. */
export function assertDates(startsAt: Date | null | undefined, endsAt: Date | null | undefined): void {
  if (startsAt && endsAt && startsAt >= endsAt) {
    throw new InvalidDataError("ends_at must be after starts_at", { code: "invalid_request", field: "ends_at" });
  }
}
