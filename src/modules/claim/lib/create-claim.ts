import { InvalidDataError, MAX_AMOUNT, NotFoundError, UnprocessableError, type AddressPayload, type KioskServices, type OrderView, type TransactionContext } from "kiosk";
import { insertAll } from "kiosk/sql";
import { ClaimAdditionalItem } from "../models/claim-additional-item";
import { ClaimItem, type ClaimReason } from "../models/claim-item";
import { ClaimOrder, type ClaimType } from "../models/claim-order";
import { ClaimShippingMethod } from "../models/claim-shipping-method";
import { assertClaimable, claimedUnits } from "./claimable";
import { claimRefund } from "./claim-refund";

export interface CreateClaimInput {
  order_id: string;
  type: ClaimType;
  claim_items: { item_id: string; quantity: number; reason?: ClaimReason; note?: string | null; tags?: string[]; images?: string[] }[];
  return_shipping?: { option_id: string; price?: number };
  additional_items?: { variant_id: string; quantity: number }[];
  shipping_methods?: { option_id: string; price?: number; data?: Record<string, unknown> }[];
  shipping_address?: AddressPayload;
  refund_amount?: number;
  no_notification?: boolean;
  metadata?: Record<string, unknown> | null;
}

/** What the checks found: the refund a refund claim asks for (null for a replace claim) and the shipping methods priced. */
export interface ClaimPlan {
  refund: number | null;
  methods: { option_id: string; price: number; data: Record<string, unknown> }[];
}

/**
 * Refuses what Medusa v1 refuses before anything is read: a replace claim
 * without new items, a refund amount on a replace claim (400 `invalid_data`).
 */
export function assertClaimInput(input: CreateClaimInput): void {
  if (input.type === "replace" && !input.additional_items?.length) {
    throw new InvalidDataError("A replace claim must have at least one additional item", { field: "additional_items" });
  }
  if (input.type === "refund" && input.additional_items?.length) {
    throw new InvalidDataError("A refund claim cannot have additional items", { field: "additional_items" });
  }
  if (input.refund_amount !== undefined && input.type !== "refund") {
    throw new InvalidDataError("Only a refund claim takes a refund_amount", { field: "refund_amount" });
  }
}

/**
 * Checks a claim on the order (begun: locked, no other action, open) and
 * plans it: the claimed units must be shipped units of its lines not returned
 * nor held by another live claim; a refund claim refunds the admin's
 * `refund_amount` or the claimed units' share of the lines' totals; the
 * shipping methods must be options of the order's region that are not return
 * options.
 */
export async function planClaim(cradle: KioskServices, tx: TransactionContext, order: OrderView, input: CreateClaimInput): Promise<ClaimPlan> {
  const claims = await tx.manager.find(ClaimOrder, { where: { order_id: order.id }, relations: { claim_items: true } });
  const held = claimedUnits(claims);
  assertClaimable(order.id, order.items, held, input.claim_items);
  if (input.return_shipping) await assertReturnable(cradle, order, input);
  const refund = input.type === "refund" ? (input.refund_amount ?? claimRefund(order.items, input.claim_items, held)) : null;
  const methods = [];
  for (const m of input.shipping_methods ?? []) {
    const option = await cradle.shippingOptionService.retrieve(m.option_id).catch((err) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
    if (!option || option.is_return || option.region_id !== order.region_id) {
      throw new InvalidDataError(`Shipping option ${m.option_id} is not a shipping option of the order's region`, {
        code: "invalid_shipping_option",
        field: "shipping_methods",
      });
    }
    methods.push({ option_id: option.id, price: m.price ?? option.amount ?? 0, data: m.data ?? {} });
  }
  return { refund, methods };
}

/**
 * Writes a planned claim in the caller's transaction: the claim (a refund
 * claim `refunded` with what was refunded), its items, its replacement items
 * with their stock taken (a 422 `insufficient_inventory` undoes everything),
 * its shipping methods and, with `return_shipping`, its return (the return
 * module's, refunding nothing when received). Raises `claim.created`.
 */
export async function writeClaim(
  cradle: KioskServices,
  tx: TransactionContext,
  order: OrderView,
  input: CreateClaimInput,
  plan: ClaimPlan,
  refunded: number | null,
): Promise<ClaimOrder> {
  const noNotification = input.no_notification ?? order.no_notification ?? false;
  const claim = tx.manager.create(ClaimOrder, {
    type: input.type,
    payment_status: input.type === "refund" ? "refunded" : "na",
    fulfillment_status: "not_fulfilled",
    order_id: order.id,
    return_id: null,
    shipping_address: (input.shipping_address ?? null) as Record<string, unknown> | null,
    refund_amount: refunded,
    canceled_at: null,
    no_notification: noNotification,
    idempotency_key: null,
    metadata: input.metadata ?? null,
  });
  await tx.manager.insert(ClaimOrder, claim as never);
  const lines = new Map<string, { variant_id: string | null }>(order.items.map((l: { id: string; variant_id: string | null }) => [l.id, l]));
  await insertAll(
    tx.manager,
    ClaimItem,
    input.claim_items.map((i) =>
      tx.manager.create(ClaimItem, {
        claim_order_id: claim.id,
        item_id: i.item_id,
        variant_id: lines.get(i.item_id)?.variant_id ?? null,
        reason: i.reason ?? "other",
        note: i.note ?? null,
        quantity: i.quantity,
        tags: i.tags ?? null,
        images: i.images ?? null,
        metadata: null,
      }),
    ),
  );
  await writeReplacements(cradle, tx, order, claim.id, input.additional_items ?? []);
  if (plan.methods.length) {
    await insertAll(
      tx.manager,
      ClaimShippingMethod,
      plan.methods.map((m) => tx.manager.create(ClaimShippingMethod, { claim_order_id: claim.id, shipping_option_id: m.option_id, price: m.price, data: m.data })),
    );
  }
  if (input.return_shipping) {
    const ret = await cradle.returnService.request({
      order_id: order.id,
      items: input.claim_items.map((i) => ({ item_id: i.item_id, quantity: i.quantity, note: i.note ?? null })),
      return_shipping: input.return_shipping,
      no_notification: noNotification,
      refund: 0,
      claim_order_id: claim.id,
    });
    await tx.manager.update(ClaimOrder, { id: claim.id }, { return_id: ret.id });
  }
  tx.emit("claim.created", { id: claim.id, order_id: order.id, no_notification: noNotification });
  return claim;
}

/**
 * The replacement items: each variant priced for the order's region (as a
 * cart line would be; no price there is a 422 `variant_price_missing`) and its
 * stock taken with checkout's guarantee (`productVariantService.takeStock`: a
 * conditional UPDATE, never below 0). An unknown variant is a 400 `invalid_variant`.
 */
async function writeReplacements(cradle: KioskServices, tx: TransactionContext, order: OrderView, claimId: string, items: { variant_id: string; quantity: number }[]) {
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

/**
 * A claim with `return_shipping` asks the return module for a return of the
 * claimed units, so they must be returnable (422 `quantity_exceeds_returnable`)
 * and the option a return option of the order's region (400
 * `invalid_shipping_option`): checked here, before a refund claim's provider
 * call, so the return cannot fail after the money went back.
 */
async function assertReturnable(cradle: KioskServices, order: OrderView, input: CreateClaimInput): Promise<void> {
  const returnable = new Map<string, number>((order.returnable_items ?? []).map((i: { id: string; returnable_quantity: number }) => [i.id, i.returnable_quantity]));
  for (const { item_id, quantity } of input.claim_items) {
    const left = returnable.get(item_id) ?? 0;
    if (quantity > left) {
      throw new UnprocessableError(`Line item ${item_id} has ${left} returnable units, fewer than ${quantity}`, "quantity_exceeds_returnable", "claim_items");
    }
  }
  const option = await cradle.shippingOptionService.retrieve(input.return_shipping!.option_id).catch((err) => {
    if (err instanceof NotFoundError) return null;
    throw err;
  });
  if (!option || !option.is_return || option.region_id !== order.region_id) {
    throw new InvalidDataError(`Shipping option ${input.return_shipping!.option_id} is not a return shipping option of the order's region`, {
      code: "invalid_shipping_option",
      field: "return_shipping",
    });
  }
}
