import type { PriceSelectionInput, PriceSelectionResult, PriceSelectionStrategy } from "kiosk";
import { calculateWithLists } from "../lib/price-selection";

function calculate({ variant, region, currency_code, quantity, price_lists }: PriceSelectionInput): PriceSelectionResult {
  return calculateWithLists(variant.prices, price_lists ?? [], { region_id: region?.id, currency_code, quantity });
}

/**
 * The default price selection: the cheapest price for the region (else for its
 * currency) whose quantity tier holds the line's quantity; an override price
 * list's price instead when one applies, or a sale list's when it is lower.
 */
const tieredPrice: PriceSelectionStrategy = {
  calculate,
  unitPrice(input: PriceSelectionInput): number | null {
    return calculate(input).calculated_price;
  },
};

export default tieredPrice;
