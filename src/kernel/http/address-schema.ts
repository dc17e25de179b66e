import { z } from "zod";
import { metadata } from "./metadata-schema";

const text = z.string().max(200).nullable().optional();

/** A two-letter ISO 3166-1 country code (any case; services lower-case it). */
export const countryCode = z.string().regex(/^[a-zA-Z]{2}$/, "must be a two-letter ISO 3166-1 code");

/**
 * An address in a body, as Medusa v1's `AddressPayload`: every field optional,
 * unknown fields a 400. The one schema carts and orders take addresses with.
 */
export const addressPayload = z.strictObject({
  first_name: text,
  last_name: text,
  company: text,
  address_1: text,
  address_2: text,
  city: text,
  country_code: countryCode.nullable().optional(),
  province: text,
  postal_code: text,
  phone: text,
  metadata,
});

export type AddressPayload = z.infer<typeof addressPayload>;

/** The fields of an address (`metadata` included), for code that copies or lays one over another. */
export const ADDRESS_FIELDS = Object.keys(addressPayload.shape) as (keyof AddressPayload)[];
