import { ADDRESS_FIELDS, generateId } from "kiosk";
import type { CartAddress } from "../models/cart";

export type AddressInput = Partial<Omit<CartAddress, "id">>;

/** The address to store: every field present (null when not given), country lower-cased, an `addr_` id kept or made. */
export function toAddress(input: AddressInput, previous: CartAddress | null): CartAddress {
  const address: Record<string, unknown> = { id: previous?.id ?? generateId("addr") };
  for (const field of ADDRESS_FIELDS) address[field] = input[field] ?? null;
  if (typeof address.country_code === "string") address.country_code = address.country_code.toLowerCase();
  return address as unknown as CartAddress;
}
