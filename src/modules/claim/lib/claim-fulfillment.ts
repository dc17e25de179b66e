import { ConflictError, NotFoundError, UnprocessableError, type KioskServices, type TransactionContext } from "kiosk";
import { ClaimAdditionalItem } from "../models/claim-additional-item";
import { ClaimFulfillment } from "../models/claim-fulfillment";
import { ClaimOrder, type ClaimFulfillmentStatus } from "../models/claim-order";
import { ClaimShippingMethod } from "../models/claim-shipping-method";
import { liveClaim } from "./cancel-claim";
import { callFulfillmentProvider } from "./fulfillment-call";

type Items = { item_id: string; quantity: number }[];

interface FulfillCall {
  providerId: string;
  methodData: Record<string, unknown>;
  display_id: number;
  items: Items;
}

/**
 * Fulfils a `replace` claim's new items (Medusa v1's `createFulfillment`), as
 * an order action: the claim must be live, a replace claim (422
 * `claim_not_fulfillable`), not fulfilled yet or its fulfillment canceled
 * (422 `claim_fulfilled`), with a shipping method (422
 * `claim_shipping_method_missing`); the provider of that method's option
 * creates the fulfillment with no transaction open; then the fulfillment,
 * the items' `fulfilled_quantity` and `fulfillment_status: "fulfilled"` are
 * written. Raises `claim.fulfillment_created`.
 */
export function fulfillClaim(cradle: KioskServices, orderId: string, claimId: string, input: { no_notification?: boolean; metadata?: Record<string, unknown> | null }) {
  return cradle.orderActionService.run(orderId, {
    kind: "create_claim_fulfillment",
    provider: "fulfillment",
    plan: async (tx, order) => {
      const claim = await liveClaim(tx, claimId, orderId);
      if (claim.type !== "replace") throw new UnprocessableError(`Claim ${claimId} is a refund claim: it sends nothing`, "claim_not_fulfillable");
      if (claim.fulfillment_status !== "not_fulfilled" && claim.fulfillment_status !== "canceled") {
        throw new UnprocessableError(`Claim ${claimId} has already been fulfilled`, "claim_fulfilled");
      }
      const method = await tx.manager.findOne(ClaimShippingMethod, { where: { claim_order_id: claimId }, order: { created_at: "ASC" } });
      if (!method) throw new UnprocessableError(`Claim ${claimId} has no shipping method`, "claim_shipping_method_missing");
      const option = await cradle.shippingOptionService.retrieve(method.shipping_option_id);
      const items = (claim.additional_items ?? [])
        .filter((i) => i.quantity > i.fulfilled_quantity)
        .map((i) => ({ item_id: i.id, quantity: i.quantity - i.fulfilled_quantity }));
      const call: FulfillCall = { providerId: option.provider_id, methodData: method.data, display_id: order.display_id, items };
      return { calls: [call], data: { claim_id: claimId, provider_id: call.providerId, items } };
    },
    call: (call: FulfillCall) =>
      callFulfillmentProvider(cradle, call.providerId, (p) => p.createFulfillment(call.methodData, call.items, { id: claimId, display_id: call.display_id })),
    record: async (tx, _order, [{ item: call, result }]) => {
      const claim = await liveClaim(tx, claimId, orderId);
      await moveClaim(tx, claim, "fulfilled");
      const fulfillment = tx.manager.create(ClaimFulfillment, {
        claim_order_id: claimId,
        provider_id: call.providerId,
        items: call.items,
        tracking_numbers: [],
        data: result ?? {},
        shipped_at: null,
        canceled_at: null,
        no_notification: input.no_notification ?? null,
        metadata: input.metadata ?? null,
      });
      await tx.manager.insert(ClaimFulfillment, fulfillment as never);
      await countUnits(tx, call.items, "fulfilled_quantity", 1);
      const noNotification = input.no_notification ?? claim.no_notification ?? false;
      tx.emit("claim.fulfillment_created", { id: claimId, fulfillment_id: fulfillment.id, no_notification: noNotification });
    },
  });
}

/**
 * Marks a claim's fulfillment shipped with its tracking numbers, in the
 * caller's transaction on the order begun (no provider is called): the
 * items' `shipped_quantity` grows and the claim becomes `shipped` (or
 * `partially_shipped` while units are left). Raises `claim.shipment_created`.
 */
export async function shipClaim(
  tx: TransactionContext,
  orderId: string,
  claimId: string,
  input: { fulfillment_id: string; tracking_numbers?: string[]; no_notification?: boolean },
): Promise<void> {
  const claim = await liveClaim(tx, claimId, orderId);
  const fulfillment = await liveFulfillment(tx, claimId, input.fulfillment_id);
  await markOnce(tx, fulfillment.id, { shipped_at: new Date(), tracking_numbers: (input.tracking_numbers ?? []) as never });
  await countUnits(tx, fulfillment.items, "shipped_quantity", 1);
  const items = await tx.manager.findBy(ClaimAdditionalItem, { claim_order_id: claimId });
  await moveClaim(tx, claim, items.every((i) => i.shipped_quantity >= i.quantity) ? "shipped" : "partially_shipped");
  const noNotification = input.no_notification ?? claim.no_notification ?? false;
  tx.emit("claim.shipment_created", { id: claimId, fulfillment_id: fulfillment.id, no_notification: noNotification });
}

/**
 * Cancels a claim's fulfillment that has not shipped, with its provider, as
 * an order action: its units may be fulfilled again, and the claim's
 * `fulfillment_status` becomes `canceled` (Medusa v1's; the claim itself is
 * not canceled).
 */
export function cancelClaimFulfillment(cradle: KioskServices, orderId: string, claimId: string, fulfillmentId: string) {
  return cradle.orderActionService.run(orderId, {
    kind: "cancel_claim_fulfillment",
    provider: "fulfillment",
    plan: async (tx) => {
      await liveClaim(tx, claimId, orderId);
      const fulfillment = await liveFulfillment(tx, claimId, fulfillmentId);
      return { calls: [fulfillment], data: { claim_id: claimId, fulfillment_id: fulfillment.id } };
    },
    call: (fulfillment: ClaimFulfillment) => callFulfillmentProvider(cradle, fulfillment.provider_id, (p) => p.cancelFulfillment(fulfillment.data)),
    record: async (tx, _order, [{ item: fulfillment, result }]) => {
      const claim = await liveClaim(tx, claimId, orderId);
      await markOnce(tx, fulfillment.id, { canceled_at: new Date(), data: (result ?? fulfillment.data) as never });
      await countUnits(tx, fulfillment.items, "fulfilled_quantity", -1);
      await moveClaim(tx, claim, "canceled");
    },
  });
}

/** A fulfillment of the claim (404 `fulfillment_not_found`) neither canceled (422 `fulfillment_canceled`) nor shipped (422 `fulfillment_shipped`). */
async function liveFulfillment(tx: TransactionContext, claimId: string, id: string): Promise<ClaimFulfillment> {
  const fulfillment = await tx.manager.findOneBy(ClaimFulfillment, { id, claim_order_id: claimId });
  if (!fulfillment) throw new NotFoundError(`Fulfillment ${id} was not found on claim ${claimId}`, "fulfillment_not_found");
  if (fulfillment.canceled_at) throw new UnprocessableError("The fulfillment is canceled", "fulfillment_canceled");
  if (fulfillment.shipped_at) throw new UnprocessableError("The fulfillment has already been shipped", "fulfillment_shipped");
  return fulfillment;
}

/** Ships or cancels a live fulfillment, once: a conditional UPDATE (409 `fulfillment_changed` if it changed meanwhile). */
async function markOnce(tx: TransactionContext, id: string, set: Partial<Pick<ClaimFulfillment, "shipped_at" | "canceled_at" | "tracking_numbers" | "data">>) {
  const { affected } = await tx.manager
    .createQueryBuilder()
    .update(ClaimFulfillment)
    .set({ ...set, updated_at: new Date() } as never)
    .where("id = :id AND shipped_at IS NULL AND canceled_at IS NULL", { id })
    .execute();
  if (!affected) throw new ConflictError(`Fulfillment ${id} was changed meanwhile`, "fulfillment_changed");
}

/** Moves a live claim's `fulfillment_status` from the one it was read with (409 `claim_changed` if it moved meanwhile). */
async function moveClaim(tx: TransactionContext, claim: ClaimOrder, to: ClaimFulfillmentStatus): Promise<void> {
  const { affected } = await tx.manager
    .createQueryBuilder()
    .update(ClaimOrder)
    .set({ fulfillment_status: to, updated_at: new Date() })
    .where("id = :id AND fulfillment_status = :from AND canceled_at IS NULL", { id: claim.id, from: claim.fulfillment_status })
    .execute();
  if (!affected) throw new ConflictError(`Claim ${claim.id} was changed meanwhile`, "claim_changed");
}

/** Adds (or takes back) fulfilled or shipped units on the replacement items. */
async function countUnits(tx: TransactionContext, items: Items, column: "fulfilled_quantity" | "shipped_quantity", sign: 1 | -1): Promise<void> {
  for (const { item_id, quantity } of items) {
    await tx.manager
      .createQueryBuilder()
      .update(ClaimAdditionalItem)
      .set({ [column]: () => `${column} + :delta`, updated_at: new Date() })
      .where("id = :id", { id: item_id, delta: sign * quantity })
      .execute();
  }
}
