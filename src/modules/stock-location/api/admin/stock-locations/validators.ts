import { countryCode, listQuery, metadata, stringList, z } from "kiosk";

const text = z.string().max(200).nullable().optional();
const id = z.string().min(1).max(100);

export const locationAddress = z.strictObject({
  address_1: z.string().min(1).max(200),
  address_2: text,
  company: text,
  city: text,
  country_code: countryCode,
  phone: text,
  province: text,
  postal_code: text,
  metadata,
});

export const listStockLocations = listQuery({
  id: stringList.optional(),
  name: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  address_id: stringList.optional(),
});

export const createStockLocation = z.strictObject({
  name: z.string().min(1).max(200),
  address_id: id.optional(),
  address: locationAddress.optional(),
  metadata,
});

export const updateStockLocation = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  address_id: id.nullable().optional(),
  address: locationAddress.optional(),
  metadata,
});
