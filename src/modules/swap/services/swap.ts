import { NotFoundError, type KioskServices, type UnitOfWork } from "kiosk";
import type { JsonBatch, Sql } from "kiosk/sql";
import { sql } from "kiosk/sql";
import { Swap } from "../models/swap";
import { cancelSwap } from "../lib/cancel-swap";
import { confirmSwap, swapOfCart, type SwapCartCompletion } from "../lib/confirm-swap";
import { createSwap, type CreateSwapInput } from "../lib/create-swap";
import { processSwapPayment } from "../lib/process-payment";
import { cancelSwapFulfillment, fulfilSwap, shipSwap, type FulfilSwapInput, type ShipSwapInput } from "../lib/swap-fulfillments";
import { addSwapParts, loadSwaps } from "../lib/swap-rows";
import type { SwapRowView, SwapView } from "../lib/swap-view";

export type { CreateSwapInput, FulfilSwapInput, ShipSwapInput, SwapCartCompletion };

/**
 * Swaps (exchanges) of orders, Medusa v1's: a return of shipped items and a
 * cart of type `swap` for the new ones. Completing that cart
 * (`cartCompletionService`, which takes stock as for any checkout) confirms
 * the swap; the admin then fulfils and ships it, processes its payment (an
 * order action: capture and refund under the order's claim) or cancels it.
 * Every write takes the order's turn first, then locks the swap.
 */
export default class SwapService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /** A page of swaps, newest first, and their count. */
  list(filters: { order_id?: string }, page: { offset: number; limit: number }): Promise<[SwapView[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const qb = manager.createQueryBuilder(Swap, "s").select("s.id");
      if (filters.order_id) qb.andWhere("s.order_id = :orderId", { orderId: filters.order_id });
      const [rows, count] = await qb.orderBy("s.created_at", "DESC").addOrderBy("s.id", "DESC").skip(page.offset).take(page.limit).getManyAndCount();
      return [await loadSwaps(this.cradle, manager, rows.map((r) => r.id)), count];
    });
  }

  retrieve(id: string): Promise<SwapView> {
    return this.unitOfWork.read(async (manager) => {
      const [view] = await loadSwaps(this.cradle, manager, [id]);
      if (!view) throw new NotFoundError(`Swap with id ${id} was not found`, "swap_not_found");
      return view;
    });
  }

  /** The swap whose cart is `cartId` (404 `swap_not_found`). */
  async retrieveByCart(cartId: string): Promise<SwapView> {
    const swap = await this.unitOfWork.read((manager) => manager.findOne(Swap, { where: { cart_id: cartId }, select: { id: true } }));
    if (!swap) throw new NotFoundError(`Swap with cart_id ${cartId} was not found`, "swap_not_found");
    return this.retrieve(swap.id);
  }

  /** Read part (see `JsonBatch`): the swaps of the orders `orderIds` picks, with their fulfillments and new items (as stored), oldest first. */
  readForOrders(batch: JsonBatch, orderIds: Sql): () => SwapRowView[] {
    const ids = sql`SELECT "id" FROM "swap" WHERE "order_id" IN (${orderIds})`;
    return batch.whenAny(ids, () => addSwapParts(this.cradle, batch, ids));
  }

  /** Creates a swap of an order: its return and its cart; raises `swap.created`. */
  create(input: CreateSwapInput): Promise<SwapView> {
    return this.unitOfWork.run(async (tx) => this.retrieve(await createSwap(this.cradle, tx, input)));
  }

  /** For the cart completion, inside its transaction: the swap of a `swap` cart may be completed (422 `swap_canceled`). */
  assertCompletable(cartId: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => void (await swapOfCart(tx, cartId)));
  }

  /** For the cart completion, inside its transaction: confirms the cart's swap and answers it; raises `swap.payment_completed`. */
  confirmCart(input: SwapCartCompletion): Promise<SwapView> {
    return this.unitOfWork.run(async (tx) => this.retrieve(await confirmSwap(this.cradle, tx, input)));
  }

  /** Fulfils the swap's new items; raises `swap.fulfillment_created`. */
  fulfil(orderId: string, id: string, input: FulfilSwapInput): Promise<void> {
    return this.unitOfWork.run((tx) => fulfilSwap(this.cradle, tx, orderId, id, input));
  }

  /** Ships a fulfillment of the swap; raises `swap.shipment_created`. */
  ship(orderId: string, id: string, input: ShipSwapInput): Promise<void> {
    return this.unitOfWork.run((tx) => shipSwap(this.cradle, tx, orderId, id, input));
  }

  /** Cancels a fulfillment of the swap not shipped yet. */
  cancelFulfillment(orderId: string, id: string, fulfillmentId: string): Promise<void> {
    return this.unitOfWork.run((tx) => cancelSwapFulfillment(this.cradle, tx, orderId, id, fulfillmentId));
  }

  /** Cancels the swap (its return, its stock, its payment); raises `swap.canceled`. The payment's authorization is voided after the commit. */
  async cancel(orderId: string, id: string): Promise<void> {
    const payment = await this.unitOfWork.run((tx) => cancelSwap(this.cradle, tx, orderId, id));
    if (payment) await this.cradle.paymentService.voidAuthorization(payment);
  }

  /** Captures the swap's payment and refunds the returned items' worth under the order's claim. */
  processPayment(orderId: string, id: string): Promise<void> {
    return processSwapPayment(this.cradle, orderId, id);
  }
}
