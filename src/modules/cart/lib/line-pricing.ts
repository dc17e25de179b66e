import {
  InvalidDataError,
  mergeMetadata,
  NotFoundError,
  UnprocessableError,
  type EntityManager,
  type KioskServices,
  type Region,
} from "kiosk";
import { rowsWhereIn } from "kiosk/sql";
import type { Cart } from "../models/cart";
import { LineItem } from "../models/line-item";
import type { CatalogVariant } from "./catalog";
import { MAX_LINE_QUANTITY, MAX_LINES } from "./limits";

export interface LineItemInput {
  variant_id: string;
  quantity: number;
  metadata?: Record<string, unknown> | null;
}

/**
 * Adds units of a variant to a cart, priced in its region and checked against
 * stock: a variant already on the cart grows its line (at most
 * `MAX_LINE_QUANTITY` units), another becomes a new line (at most `MAX_LINES`).
 */
export async function addLine(cradle: KioskServices, manager: EntityManager, cart: Cart, region: Region, input: LineItemInput): Promise<void> {
  const variant = await purchasable(cradle, input.variant_id);
  const lines = await rowsWhereIn<LineItem>(manager, LineItem, "cart_id", [cart.id]);
  const existing = lines.find((l) => l.variant_id === variant.id);
  const quantity = (existing?.quantity ?? 0) + input.quantity;
  if (quantity > MAX_LINE_QUANTITY) {
    throw new InvalidDataError(`quantity: a line holds at most ${MAX_LINE_QUANTITY} units`, { code: "invalid_request", field: "quantity" });
  }
  assertStock(cradle, variant, quantity);
  const unitPrice = await priceOf(cradle, variant, region, cart, quantity);
  if (existing) {
    const metadata = mergeMetadata(existing.metadata, input.metadata);
    await manager.update(LineItem, { id: existing.id }, { quantity, unit_price: unitPrice, metadata: metadata as never, updated_at: new Date() });
    return;
  }
  if (lines.length >= MAX_LINES) {
    throw new UnprocessableError(`A cart holds at most ${MAX_LINES} lines`, "too_many_items", "items");
  }
  const line = manager.create(LineItem, {
    cart_id: cart.id,
    order_id: null,
    variant_id: variant.id,
    product_id: variant.product_id,
    title: variant.product.title,
    description: variant.title,
    thumbnail: variant.product.thumbnail,
    is_giftcard: variant.product.is_giftcard,
    allow_discounts: variant.product.discountable,
    unit_price: unitPrice,
    quantity,
    fulfilled_quantity: 0,
    shipped_quantity: 0,
    returned_quantity: 0,
    reserved_quantity: 0,
    metadata: input.metadata ?? null,
  });
  await manager.insert(LineItem, line as never);
}

/** Changes a line's quantity (0 removes it, as in Medusa v1) and metadata; the line is priced again. */
export async function changeLine(
  cradle: KioskServices,
  manager: EntityManager,
  cart: Cart,
  lineId: string,
  input: { quantity: number; metadata?: Record<string, unknown> | null },
): Promise<void> {
  const line = await manager.findOneBy(LineItem, { id: lineId, cart_id: cart.id });
  if (!line) throw new NotFoundError(`Line item with id ${lineId} was not found in cart ${cart.id}`, "line_item_not_found");
  if (input.quantity === 0) {
    await manager.delete(LineItem, { id: line.id });
    return;
  }
  const region = await cradle.regionService.retrieve(cart.region_id);
  const variant = await purchasable(cradle, line.variant_id);
  assertStock(cradle, variant, input.quantity);
  line.quantity = input.quantity;
  line.unit_price = await priceOf(cradle, variant, region, cart, input.quantity);
  line.metadata = mergeMetadata(line.metadata, input.metadata);
  await manager.save(line);
}

/** A variant the store sells: unknown, deleted or unpublished is a 404 `variant_not_found`. */
async function purchasable(cradle: KioskServices, variantId: string | null): Promise<CatalogVariant> {
  const variant = variantId ? (await cradle.productVariantService.findVariants([variantId])).get(variantId) : undefined;
  if (!cradle.productVariantService.isPurchasable(variant)) throw new NotFoundError(`Variant with id ${variantId} was not found`, "variant_not_found");
  return variant;
}

/**
 * The unit price of a line of `quantity` units in the region, from the `priceSelection`
 * strategy (by default the cheapest price for the region, else its currency, whose
 * quantity tier holds the quantity); none is a 422, and so is an answer that is not
 * an amount (an integer from 0 to the largest exact one).
 */
export async function priceOf(cradle: KioskServices, variant: CatalogVariant, region: Region, cart: Cart, quantity: number): Promise<number> {
  const price = await cradle.priceSelectionStrategy.unitPrice({
    variant: { id: variant.id, product_id: variant.product_id, prices: variant.prices },
    region,
    currency_code: region.currency_code.toLowerCase(),
    customer: { id: cart.customer_id, email: cart.email },
    quantity,
    cart: { id: cart.id, region_id: region.id, customer_id: cart.customer_id },
  });
  if (price === null || price === undefined) {
    throw new UnprocessableError(`Variant with id ${variant.id} has no price in region ${region.id}`, "variant_price_missing", "variant_id");
  }
  if (!Number.isSafeInteger(price) || price < 0) {
    throw new UnprocessableError(`The priceSelection strategy's price of variant ${variant.id} is not an amount: ${String(price)}`, "variant_price_invalid", "variant_id");
  }
  return price;
}

function assertStock(cradle: KioskServices, variant: CatalogVariant, quantity: number): void {
  if (cradle.productVariantService.limitsStock(variant) && variant.inventory_quantity < quantity) {
    throw new UnprocessableError(
      `Variant with id: ${variant.id} does not have the required inventory`,
      "insufficient_inventory",
      "quantity",
    );
  }
}

/** What a new line of an order copies from the catalog (an order edit's added line). */
export interface DescribedLine {
  variant_id: string;
  product_id: string;
  title: string;
  description: string | null;
  thumbnail: string | null;
  is_giftcard: boolean;
  allow_discounts: boolean;
  unit_price: number;
}

/**
 * A new line of `quantity` units of a variant for an order that is not a cart
 * (an order edit): the variant must be sold (404 `variant_not_found`), in stock
 * (422 `insufficient_inventory`) and priced in the region by the
 * `priceSelection` strategy, exactly as a cart's line is.
 */
export async function describeLine(
  cradle: KioskServices,
  variantId: string,
  quantity: number,
  context: { region: Region; cart_id: string | null; customer_id: string | null; email: string | null },
): Promise<DescribedLine> {
  const variant = await purchasable(cradle, variantId);
  assertStock(cradle, variant, quantity);
  const owner = { id: context.cart_id ?? "", customer_id: context.customer_id, email: context.email } as Cart;
  const unitPrice = await priceOf(cradle, variant, context.region, owner, quantity);
  return {
    variant_id: variant.id,
    product_id: variant.product_id,
    title: variant.product.title,
    description: variant.title,
    thumbnail: variant.product.thumbnail,
    is_giftcard: variant.product.is_giftcard,
    allow_discounts: variant.product.discountable,
    unit_price: unitPrice,
  };
}
