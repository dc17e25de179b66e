import type { PriceSelectionInput, PriceSelectionStrategy } from "kiosk";
import { calculatePrices } from "../lib/price-selection";

/**
 * The default price selection: the cheapest price for the region (else for its
 * currency) whose quantity tier holds the line's quantity.
 */
const tieredPrice: PriceSelectionStrategy = {
  unitPrice({ variant, region, currency_code, quantity }: PriceSelectionInput): number | null {
    return calculatePrices(variant.prices, { region_id: region?.id, currency_code, quantity }).calculated_price;
  },
};

export default tieredPrice;
