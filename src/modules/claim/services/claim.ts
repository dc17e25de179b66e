import { NotFoundError, type KioskServices, type OrderView, type UnitOfWork } from "kiosk";
import { sql, type JsonBatch, type Sql } from "kiosk/sql";
import { cancelClaim } from "../lib/cancel-claim";
import { cancelClaimFulfillment, fulfillClaim, shipClaim } from "../lib/claim-fulfillment";
import { addClaimParts, loadClaims } from "../lib/claim-rows";
import type { ClaimView } from "../lib/claim-view";
import { assertClaimInput, planClaim, writeClaim, type ClaimPlan, type CreateClaimInput } from "../lib/create-claim";
import { updateClaim, type UpdateClaimInput } from "../lib/update-claim";

export type { CreateClaimInput, UpdateClaimInput };

/**
 * Claims on orders, Medusa v1's: a refund claim refunds through the order's
 * settlement (an order action: claim → payment provider with no transaction
 * open → record), so claims, returns and manual refunds never refund more
 * than was paid; a replace claim takes stock for its new items with
 * checkout's no-oversell guarantee. Every write takes the order's turn
 * (`orderReturnService.begin`, or the settlement's claim of the order).
 */
export default class ClaimService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /** Read part (see `JsonBatch`): the claims of the orders `orderIds` picks, with their items, oldest first. */
  readForOrders(batch: JsonBatch, orderIds: Sql): () => ClaimView[] {
    const ids = sql`SELECT "id" FROM "claim_order" WHERE "order_id" IN (${orderIds})`;
    return batch.whenAny(ids, () => addClaimParts(batch, ids));
  }

  retrieve(id: string): Promise<ClaimView> {
    return this.unitOfWork.read(async (manager) => {
      const [view] = await loadClaims(manager, [id]);
      if (!view) throw new NotFoundError(`Claim with id ${id} was not found`, "claim_not_found");
      return view;
    });
  }

  /** Creates a claim (and refunds a refund claim's amount); answers the claim. Raises `claim.created` (and `claim.refund_processed`). */
  async create(input: CreateClaimInput): Promise<ClaimView> {
    assertClaimInput(input);
    const orders = this.cradle.orderService;
    if (input.type === "replace") {
      const id = await this.unitOfWork.run(async (tx) => {
        await this.cradle.orderReturnService.begin(input.order_id);
        const order = await orders.retrieve(input.order_id);
        return (await writeClaim(this.cradle, tx, order, input, await planClaim(this.cradle, tx, order, input), null)).id;
      });
      return this.retrieve(id);
    }
    // Checked once, in the claim step: the record step writes what was planned, as the refund is already paid.
    let plan: ClaimPlan | undefined;
    return this.cradle.orderSettlementService.refund(input.order_id, "claim_refund", "claim", {
      plan: () =>
        this.unitOfWork.run(async (tx) => {
          plan = await planClaim(this.cradle, tx, await orders.retrieve(input.order_id), input);
          return { refund: plan.refund ?? 0, data: { claim_items: input.claim_items } };
        }),
      record: (_order, refunded) =>
        this.unitOfWork.run(async (tx) => {
          const order = await orders.retrieve(input.order_id);
          const claim = await writeClaim(this.cradle, tx, order, input, plan!, refunded.amount);
          tx.emit("claim.refund_processed", { id: claim.id, order_id: order.id, refund_id: refunded.refund_id, no_notification: claim.no_notification ?? false });
          return this.retrieve(claim.id);
        }),
    });
  }

  /** Updates a claim of the order; answers the order. */
  update(orderId: string, id: string, input: UpdateClaimInput): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      await this.cradle.orderReturnService.begin(orderId);
      await updateClaim(tx, id, orderId, input);
      return this.cradle.orderService.retrieve(orderId);
    });
  }

  /** Cancels a claim of the order, giving its replacement items' stock back once; answers the order. */
  cancel(orderId: string, id: string): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      await this.cradle.orderReturnService.begin(orderId);
      await cancelClaim(this.cradle, tx, id, orderId);
      return this.cradle.orderService.retrieve(orderId);
    });
  }

  /** Fulfils a replace claim's new items with the provider of its shipping method; answers the order. */
  async fulfill(orderId: string, id: string, input: { no_notification?: boolean; metadata?: Record<string, unknown> | null }): Promise<OrderView> {
    await fulfillClaim(this.cradle, orderId, id, input);
    return this.cradle.orderService.retrieve(orderId);
  }

  /** Marks a claim's fulfillment shipped; answers the order. */
  ship(orderId: string, id: string, input: { fulfillment_id: string; tracking_numbers?: string[]; no_notification?: boolean }): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      await this.cradle.orderReturnService.begin(orderId);
      await shipClaim(tx, orderId, id, input);
      return this.cradle.orderService.retrieve(orderId);
    });
  }

  /** Cancels a claim's fulfillment that has not shipped, with its provider; answers the order. */
  async cancelFulfillment(orderId: string, id: string, fulfillmentId: string): Promise<OrderView> {
    await cancelClaimFulfillment(this.cradle, orderId, id, fulfillmentId);
    return this.cradle.orderService.retrieve(orderId);
  }
}
