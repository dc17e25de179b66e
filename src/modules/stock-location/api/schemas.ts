import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

/** The address of a stock location. */
export const StockLocationAddress = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    address_1: z.string(),
    address_2: z.string().nullable(),
    company: z.string().nullable(),
    city: z.string().nullable(),
    country_code: z.string(),
    phone: z.string().nullable(),
    province: z.string().nullable(),
    postal_code: z.string().nullable(),
    metadata,
  })
  .meta({ id: "StockLocationAddress" });

/** A place stock is kept. */
export const StockLocation = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    name: z.string(),
    address_id: z.string().nullable(),
    address: StockLocationAddress.nullable(),
    metadata,
  })
  .meta({ id: "StockLocation" });

export const stockLocationResponse = z.looseObject({ stock_location: StockLocation });
export const stockLocationList = responses.list("stock_locations", StockLocation);
