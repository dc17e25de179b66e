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
import { DRAFT_ORDER_CART } from "./draft-carts";
import { LineItem } from "../models/line-item";
import type { CatalogVariant } from "./catalog";
import { MAX_LINE_QUANTITY, MAX_LINES } from "./limits";

export interface LineItemInput {
  /** None: a custom line of a draft order (its `title` and `unit_price`, 0 when not given). */
  variant_id?: string;
  quantity: number;
  metadata?: Record<string, unknown> | null;
  /** A draft order's price for the line, instead of the region's. */
  unit_price?: number;
  /** A draft order's title for the line, instead of the product's. */
  title?: string;
}

/** A change of a line: quantity (0 removes it), metadata; on a draft order's cart also price and title. */
export interface LineItemChange {
  quantity?: number;
  metadata?: Record<string, unknown> | null;
  unit_price?: number;
  title?: string;
}

/**
 * Adds units of a variant to a cart, priced in its region and checked against
 * stock: a variant already on the cart grows its line (at most
 * `MAX_LINE_QUANTITY` units), another becomes a new line (at most `MAX_LINES`).
 * On a draft order's cart every item is a line of its own, at the price given
 * (else the region's), and a line without a variant is a custom one.
 */
export async function addLine(cradle: KioskServices, manager: EntityManager, cart: Cart, region: Region, input: LineItemInput): Promise<void> {
  const draft = cart.type === DRAFT_ORDER_CART;
  const lines = await rowsWhereIn<LineItem>(manager, LineItem, "cart_id", [cart.id]);
  if (draft && !input.variant_id) {
    if (lines.length >= MAX_LINES) throw new UnprocessableError(`A cart holds at most ${MAX_LINES} lines`, "too_many_items", "items");
    await manager.insert(LineItem, customLine(manager, cart, input) as never);
    return;
  }
  const variant = await purchasable(cradle, input.variant_id ?? null);
  if (cart.sales_channel_id) await cradle.salesChannelService.assertProductsIn(cart.sales_channel_id, [variant.product_id]);
  const existing = draft ? undefined : lines.find((l) => l.variant_id === variant.id);
  const quantity = (existing?.quantity ?? 0) + input.quantity;
  if (quantity > MAX_LINE_QUANTITY) {
    throw new InvalidDataError(`quantity: a line holds at most ${MAX_LINE_QUANTITY} units`, { code: "invalid_request", field: "quantity" });
  }
  await assertCartStock(cradle, cart, variant, quantity);
  const unitPrice = (draft ? input.unit_price : undefined) ?? (await priceOf(cradle, variant, region, cart, quantity));
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
    title: (draft ? input.title : undefined) ?? variant.product.title,
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

/** A draft order's line for something not in the catalog, as Medusa v1 makes it ("Custom item", no discounts). */
function customLine(manager: EntityManager, cart: Cart, input: LineItemInput): LineItem {
  return manager.create(LineItem, {
    cart_id: cart.id,
    order_id: null,
    variant_id: null,
    product_id: null,
    title: input.title ?? "Custom item",
    description: null,
    thumbnail: null,
    is_giftcard: false,
    allow_discounts: false,
    unit_price: input.unit_price ?? 0,
    quantity: input.quantity,
    fulfilled_quantity: 0,
    shipped_quantity: 0,
    returned_quantity: 0,
    reserved_quantity: 0,
    metadata: input.metadata ?? null,
  });
}

/**
 * Changes a line's quantity (0 removes it, as in Medusa v1) and metadata; the
 * line is priced again. A draft order's line keeps its price unless a new one
 * is given (and may get a new title); a custom line has no stock to check.
 */
export async function changeLine(
  cradle: KioskServices,
  manager: EntityManager,
  cart: Cart,
  lineId: string,
  input: LineItemChange,
): Promise<void> {
  const line = await manager.findOneBy(LineItem, { id: lineId, cart_id: cart.id });
  if (!line) throw new NotFoundError(`Line item with id ${lineId} was not found in cart ${cart.id}`, "line_item_not_found");
  if (input.quantity === 0) {
    await manager.delete(LineItem, { id: line.id });
    return;
  }
  const draft = cart.type === DRAFT_ORDER_CART;
  const quantity = input.quantity ?? line.quantity;
  if (line.variant_id || !draft) {
    const variant = await purchasable(cradle, line.variant_id);
    await assertCartStock(cradle, cart, variant, quantity);
    if (!draft) line.unit_price = await priceOf(cradle, variant, await cradle.regionService.retrieve(cart.region_id), cart, quantity);
  }
  if (draft && input.unit_price !== undefined) line.unit_price = input.unit_price;
  if (draft && input.title !== undefined) line.title = input.title;
  line.quantity = quantity;
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
 * quantity tier holds the quantity, or a price list's in force for the cart's customer,
 * read through `priceSelectionService.listPrices`); none is a 422, and so is an answer that is not
 * an amount (an integer from 0 to the largest exact one).
 */
export async function priceOf(cradle: KioskServices, variant: CatalogVariant, region: Region, cart: Cart, quantity: number): Promise<number> {
  const currency_code = region.currency_code.toLowerCase();
  const lists = await cradle.priceSelectionService.listPrices([variant.id], { region_id: region.id, currency_code, customer_id: cart.customer_id });
  const price = await cradle.priceSelectionStrategy.unitPrice({
    variant: { id: variant.id, product_id: variant.product_id, prices: variant.prices },
    region,
    currency_code,
    customer: { id: cart.customer_id, email: cart.email },
    quantity,
    cart: { id: cart.id, region_id: region.id, customer_id: cart.customer_id },
    price_lists: lists.get(variant.id) ?? [],
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
  if (!hasStock(cradle, variant, quantity)) insufficient(variant);
}

function hasStock(cradle: KioskServices, variant: CatalogVariant, quantity: number): boolean {
  return !cradle.productVariantService.limitsStock(variant) || variant.inventory_quantity >= quantity;
}

/**
 * A cart line's stock check: the variant's own stock first; only when it falls
 * short is the inventory module asked what the cart channel's locations have
 * (checkout reserves there), so a cart of variants without located inventory
 * reads nothing more.
 */
async function assertCartStock(cradle: KioskServices, cart: Cart, variant: CatalogVariant, quantity: number): Promise<void> {
  if (hasStock(cradle, variant, quantity)) return;
  const located = await cradle.reservationService.availableFor(variant.id, cart.sales_channel_id ?? null);
  if (located === null || located < quantity) insufficient(variant);
}

function insufficient(variant: CatalogVariant): never {
  throw new UnprocessableError(`Variant with id: ${variant.id} does not have the required inventory`, "insufficient_inventory", "quantity");
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
