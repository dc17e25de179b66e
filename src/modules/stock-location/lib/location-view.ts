import type { StockLocation } from "../models/stock-location";
import type { StockLocationAddress } from "../models/stock-location-address";

/** A stock location as the API answers it: its row with its `address` (null when it has none). */
export type StockLocationView = StockLocation & { address: StockLocationAddress | null; sales_channels?: { id: string }[] };

export function locationView(location: StockLocation, address: StockLocationAddress | null | undefined): StockLocationView {
  return Object.assign(location, { address: address ?? null });
}
