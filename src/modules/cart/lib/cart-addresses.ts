import { NotFoundError, type KioskServices, type Region } from "kiosk";
import type { Cart } from "../models/cart";
import { toAddress, type AddressInput } from "./address";
import { countryIn } from "./cart-region";

/** The address fields of a cart update: an address, the id of one in the customer's address book, or null. */
export interface AddressesInput {
  country_code?: string;
  shipping_address?: AddressInput | string | null;
  billing_address?: AddressInput | string | null;
}

/**
 * Sets the cart's addresses from an update (on `cart`, saved by the caller): a
 * country code alone, or a whole address; the shipping address's country must
 * be in the cart's region (400).
 */
export async function setAddresses(cradle: KioskServices, cart: Cart, region: Region, input: AddressesInput): Promise<void> {
  if (input.country_code) {
    cart.shipping_address = toAddress(
      { ...(cart.shipping_address ?? {}), country_code: countryIn(region, input.country_code) },
      cart.shipping_address,
    );
  }
  if (input.shipping_address !== undefined) {
    const address = await addressFrom(cradle, input.shipping_address, cart);
    if (address?.country_code) countryIn(region, address.country_code, "shipping_address.country_code");
    cart.shipping_address = address && toAddress(address, cart.shipping_address);
  }
  if (input.billing_address !== undefined) {
    const address = await addressFrom(cradle, input.billing_address, cart);
    cart.billing_address = address && toAddress(address, cart.billing_address);
  }
}

/** An address from the body, or from the signed-in customer's address book when given as an id. */
async function addressFrom(cradle: KioskServices, value: AddressInput | string | null, cart: Cart): Promise<AddressInput | null> {
  if (value === null || typeof value === "object") return value;
  if (!cart.customer_id) throw new NotFoundError(`Address with id ${value} was not found`, "address_not_found");
  const address = (await cradle.customerAddressService.list(cart.customer_id)).find((a) => a.id === value);
  if (!address) throw new NotFoundError(`Address with id ${value} was not found`, "address_not_found");
  const { id: _id, ...fields } = address;
  return fields;
}
