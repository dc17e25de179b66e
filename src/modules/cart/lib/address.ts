import { generateId } from "kiosk";
import type { CartAddress } from "../models/cart";

export type AddressInput = Partial<Omit<CartAddress, "id">>;

const FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "country_code",
  "province",
  "postal_code",
  "phone",
] as const;

/** The address to store: every field present (null when not given), country lower-cased, an `addr_` id kept or made. */
export function toAddress(input: AddressInput, previous: CartAddress | null): CartAddress {
  const address = { id: previous?.id ?? generateId("addr") } as CartAddress;
  for (const field of FIELDS) address[field] = input[field] ?? null;
  address.country_code = address.country_code?.toLowerCase() ?? null;
  address.metadata = input.metadata ?? null;
  return address;
}
