import { NotFoundError, UnprocessableError, type KioskServices } from "kiosk";

export type ProviderKind = "payment" | "fulfillment";

/** The column of a region holding the chosen providers of a kind. */
export const PROVIDER_COLUMN = { payment: "payment_provider_ids", fulfillment: "fulfillment_provider_ids" } as const;

function registry(cradle: KioskServices, kind: ProviderKind) {
  return kind === "payment" ? cradle.paymentProviderService : cradle.fulfillmentProviderService;
}

/** The installed providers serving a region: those chosen (still installed), or every installed one when none is chosen. */
export function servingProviders(cradle: KioskServices, kind: ProviderKind, chosen: string[] | null | undefined): string[] {
  const installed = registry(cradle, kind).ids();
  return chosen ? installed.filter((id) => chosen.includes(id)) : installed;
}

/** A list of providers to store: each installed (404 otherwise), listed once, at least one (422 `region_provider_required`). */
export function checkedProviders(cradle: KioskServices, kind: ProviderKind, ids: string[]): string[] {
  for (const id of ids) registry(cradle, kind).retrieve(id);
  const unique = [...new Set(ids)];
  if (!unique.length) throw new UnprocessableError(`A region needs at least one ${kind} provider`, "region_provider_required");
  return unique;
}

/** The chosen providers once `providerId` is added (kept once). */
export function withProvider(cradle: KioskServices, kind: ProviderKind, chosen: string[] | null, providerId: string): string[] {
  return checkedProviders(cradle, kind, [...servingProviders(cradle, kind, chosen), providerId]);
}

/** The chosen providers once `providerId` is removed: 404 unless it serves the region, 422 when it is the last one. */
export function withoutProvider(cradle: KioskServices, kind: ProviderKind, chosen: string[] | null, providerId: string): string[] {
  const serving = servingProviders(cradle, kind, chosen);
  if (!serving.includes(providerId)) throw new NotFoundError(`The region has no ${kind} provider ${providerId}`, `${kind}_provider_not_found`);
  return checkedProviders(cradle, kind, serving.filter((id) => id !== providerId));
}
