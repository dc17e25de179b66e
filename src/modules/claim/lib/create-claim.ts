import { InvalidDataError, NotFoundError, type AddressPayload, type KioskServices, type OrderView, type TransactionContext } from "kiosk";
import { insertAll } from "kiosk/sql";
import { ClaimItem, type ClaimReason } from "../models/claim-item";
import { ClaimOrder, type ClaimType } from "../models/claim-order";
import { ClaimShippingMethod } from "../models/claim-shipping-method";
import { assertClaimable, claimedUnits } from "./claimable";
import { assertReturnable } from "./claim-return";
import { writeReplacements } from "./replacements";
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
    shipping_address: input.shipping_address ? { ...input.shipping_address, country_code: input.shipping_address.country_code?.toLowerCase() ?? null } : null,
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
