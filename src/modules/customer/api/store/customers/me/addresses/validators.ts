import { customFieldsShape, metadata, z } from "kiosk";
import { optionalText } from "../../../../customer-fields";

const required = z.string().trim().min(1).max(200);
const countryCode = z
  .string()
  .regex(/^[a-zA-Z]{2}$/, "must be a two-letter ISO 3166-1 code")
  .transform((code) => code.toLowerCase());

const fields = {
  first_name: required,
  last_name: required,
  address_1: required,
  city: required,
  country_code: countryCode,
  postal_code: required,
  company: optionalText,
  address_2: optionalText,
  province: optionalText,
  phone: optionalText,
  metadata,
  ...customFieldsShape("customer_address", "store"),
};

/** An address as Medusa v1's `AddressCreatePayload`: names, first line, city, country and postal code required. */
export const addressCreate = z.strictObject(fields);

/** The body of `POST /store/customers/me/addresses`: `{ address }`. */
export const addAddress = z.strictObject({ address: addressCreate });

/** The body of `POST /store/customers/me/addresses/:address_id`: any address field (a required one cannot be cleared). */
export const updateAddress = addressCreate.partial();
