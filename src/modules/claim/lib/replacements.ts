import { InvalidDataError, MAX_AMOUNT, UnprocessableError, type KioskServices, type OrderView, type TransactionContext } from "kiosk";
import { insertAll } from "kiosk/sql";
import { ClaimAdditionalItem } from "../models/claim-additional-item";

/**
 * The replacement items: each variant priced for the order's region (as a
 * cart line would be; no price there is a 422 `variant_price_missing`) and its
 * stock taken with checkout's guarantee (`productVariantService.takeStock`: a
 * conditional UPDATE, never below 0). An unknown variant is a 400 `invalid_variant`.
 */
export async function writeReplacements(cradle: KioskServices, tx: TransactionContext, order: OrderView, claimId: string, items: { variant_id: string; quantity: number }[]) {
  if (!items.length) return;
  const variants = await cradle.productVariantService.findVariants([...new Set(items.map((i) => i.variant_id))]);
  const region = await cradle.regionService.retrieve(order.region_id);
  const demand = new Map<string, number>();
  for (const item of items) demand.set(item.variant_id, (demand.get(item.variant_id) ?? 0) + item.quantity);
  const rows = [];
  for (const item of items) {
    const variant = variants.get(item.variant_id);
    if (!variant) throw new InvalidDataError(`Variant ${item.variant_id} was not found`, { code: "invalid_variant", field: "additional_items" });
    const price = await cradle.priceSelectionStrategy.unitPrice({ variant, region, currency_code: order.currency_code, quantity: demand.get(variant.id)! });
    if (price === null || !Number.isSafeInteger(price) || price < 0) {
      throw new UnprocessableError(`Variant with id ${variant.id} has no price in region ${region.id}`, "variant_price_missing", "additional_items");
    }
    if (BigInt(price) * BigInt(item.quantity) > BigInt(MAX_AMOUNT)) {
      throw new UnprocessableError("A replacement item costs more than the largest amount Kiosk holds", "amount_too_large", "additional_items");
    }
    rows.push({ item, variant, price });
  }
  const taken = await cradle.productVariantService.takeStock(demand, variants);
  await insertAll(
    tx.manager,
    ClaimAdditionalItem,
    rows.map(({ item, variant, price }) =>
      tx.manager.create(ClaimAdditionalItem, {
        claim_order_id: claimId,
        variant_id: variant.id,
        title: variant.product.title,
        description: variant.title,
        thumbnail: variant.product.thumbnail,
        unit_price: price,
        quantity: item.quantity,
        fulfilled_quantity: 0,
        shipped_quantity: 0,
        stock_taken: taken.has(variant.id),
        metadata: null,
      }),
    ),
  );
}
