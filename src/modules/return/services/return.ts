import { ConflictError, NotFoundError, type KioskServices, type OrderView, type UnitOfWork } from "kiosk";
import type { JsonBatch, Sql } from "kiosk/sql";
import { sql } from "kiosk/sql";
import { Return, type ReturnStatus } from "../models/return";
import { assertReceivable, plannedRefund, receivableReturn, recordReceipt, type ReceiveReturnInput } from "../lib/receive-return";
import { requestReturn, type RequestReturnInput } from "../lib/request-return";
import { addReturnParts, loadReturns } from "../lib/return-rows";
import { returnableItems } from "../lib/returnable";
import type { ReturnView } from "../lib/return-view";

export type { ReceiveReturnInput, RequestReturnInput };

/**
 * Returns of orders, Medusa v1's: requested by a customer or the admin,
 * received (stock back, the lines' `returned_quantity` up, a refund through
 * the payment provider) or canceled. Requesting and canceling take the order's
 * turn (`orderReturnService.begin`); receiving is an order action under the
 * order's claim (`orderReturnService.receive`), so a return is received, its
 * stock given back and its refund paid once, and refunds never pass what was
 * paid.
 */
export default class ReturnService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /** A page of returns, newest first, and their count. */
  list(filters: { order_id?: string; status?: ReturnStatus[] }, page: { offset: number; limit: number }): Promise<[ReturnView[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const qb = manager.createQueryBuilder(Return, "r").select("r.id");
      if (filters.order_id) qb.andWhere("r.order_id = :orderId", { orderId: filters.order_id });
      if (filters.status?.length) qb.andWhere("r.status IN (:...status)", { status: filters.status });
      const [rows, count] = await qb.orderBy("r.created_at", "DESC").addOrderBy("r.id", "DESC").skip(page.offset).take(page.limit).getManyAndCount();
      return [await loadReturns(manager, rows.map((r) => r.id)), count];
    });
  }

  retrieve(id: string): Promise<ReturnView> {
    return this.unitOfWork.read(async (manager) => {
      const [view] = await loadReturns(manager, [id]);
      if (!view) throw new NotFoundError(`Return with id ${id} was not found`, "return_not_found");
      return view;
    });
  }

  /**
   * Read part (see `JsonBatch`): the returns of the orders `orderIds` picks,
   * with their items and reasons, oldest first.
   */
  readForOrders(batch: JsonBatch, orderIds: Sql): () => ReturnView[] {
    const ids = sql`SELECT "id" FROM "return" WHERE "order_id" IN (${orderIds})`;
    return batch.whenAny(ids, () => addReturnParts(batch, ids));
  }

  /**
   * An order view's `returnable_items`: its lines (as the view shows them)
   * with units that may still be returned, each with `returnable_quantity`
   * (shipped, less returned, less held by the order's open `returns`).
   */
  returnableItems<L extends { id: string; shipped_quantity: number; returned_quantity: number }>(lines: L[], returns: ReturnView[]) {
    return returnableItems(lines, returns);
  }

  /** Requests a return of shipped units of an order's lines; raises `order.return_requested`. */
  request(input: RequestReturnInput): Promise<ReturnView> {
    return this.unitOfWork.run(async (tx) => {
      const ret = await requestReturn(this.cradle, tx, input);
      return this.retrieve(ret.id);
    });
  }

  /**
   * Receives a return (all of `items` or fewer units than requested): under
   * the order's claim, refunds the received units' share of what was paid
   * (or `refund`), capped by what is refundable, gives their stock back and
   * moves the order's `fulfillment_status`; raises `order.items_returned`.
   * `orderId`, when given, must be the return's order.
   */
  async receive(id: string, input: ReceiveReturnInput, orderId?: string): Promise<ReturnView> {
    const { order_id } = await this.retrieve(id);
    if (orderId && orderId !== order_id) throw new NotFoundError(`Return with id ${id} was not found`, "return_not_found");
    return this.cradle.orderReturnService.receive(order_id, {
      plan: async () => {
        const ret = await this.unitOfWork.run((tx) => receivableReturn(tx, id));
        assertReceivable(ret, input.items);
        return { refund: await plannedRefund(this.cradle, ret, input), data: { return_id: id, items: input.items } };
      },
      record: (_order, refunded) =>
        this.unitOfWork.run(async (tx) => {
          await recordReceipt(this.cradle, tx, await receivableReturn(tx, id), input.items, refunded.amount);
          return this.retrieve(id);
        }),
    });
  }

  /** Cancels a return not received yet (422 `return_received`, `return_canceled`); answers its order. */
  async cancel(id: string): Promise<OrderView> {
    const { order_id } = await this.retrieve(id);
    return this.unitOfWork.run(async (tx) => {
      await this.cradle.orderReturnService.begin(order_id);
      const ret = await receivableReturn(tx, id);
      const { affected } = await tx.manager.update(Return, { id: ret.id, status: ret.status }, { status: "canceled", updated_at: new Date() });
      if (!affected) throw new ConflictError(`Return ${id} was changed meanwhile`, "return_changed");
      tx.emit("return.canceled", { id, order_id });
      return this.cradle.orderService.retrieve(order_id);
    });
  }
}
