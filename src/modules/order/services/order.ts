import {
  containsPattern,
  Brackets,
  lockRow,
  runSql,
  SqlParams,
  NotFoundError,
  UnprocessableError,
  type EntityManager,
  type TransactionContext,
  type UnitOfWork,
} from "kiosk";
import { Order, type FulfillmentStatus, type OrderStatus, type PaymentStatus } from "../models/order";
import { OrderSequence } from "../models/order-sequence";
import { fulfillmentStatusOf } from "../lib/fulfillment-status";
import { DISPLAY_ID_SEQUENCE } from "../lib/constants";
import { loadOrders } from "../lib/order-rows";
import { orderView, type OrderView, type ViewContext } from "../lib/order-view";

/** What an order is made from: a cart as the cart service shows it. */
export interface CartForOrder {
  id: string;
  customer_id: string | null;
  email: string | null;
  region_id: string;
  currency_code: string;
  region: { tax_rate: number };
  shipping_address: Record<string, unknown> | null;
  billing_address: Record<string, unknown> | null;
  discounts?: { id: string }[];
}

export interface OrderFilters {
  q?: string;
  id?: string[];
  status?: string[];
  fulfillment_status?: string[];
  payment_status?: string[];
  customer_id?: string;
  email?: string;
  region_id?: string;
  cart_id?: string;
  display_id?: number;
  currency_code?: string;
  created_at?: { gt?: Date; gte?: Date; lt?: Date; lte?: Date };
  updated_at?: { gt?: Date; gte?: Date; lt?: Date; lte?: Date };
}

interface Cradle {
  unitOfWork: UnitOfWork;
  regionService: { listByIds(ids: string[]): Promise<{ id: string }[]> };
  lineItemService: ViewContext["lineItems"] & {
    releaseStock(orderId: string, parent?: TransactionContext): Promise<void>;
  };
  paymentService: {
    captureForOrder(orderId: string, parent?: TransactionContext): Promise<number>;
    cancelForOrder(orderId: string, parent?: TransactionContext): Promise<void>;
    refundForOrder(
      orderId: string,
      input: { amount: number; reason: any; note?: string | null; metadata?: Record<string, unknown> | null },
      parent?: TransactionContext,
    ): Promise<{ id: string }>;
  };
}

const RANGE_OPS = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/**
 * Orders: made from a cart at completion (in the completion's transaction),
 * read by the store and the admin, and moved along by the admin: capture,
 * cancel (stock and payment given back), refund, complete, archive.
 */
export default class OrderService {
  private readonly cradle: Cradle;

  constructor(cradle: Cradle) {
    this.cradle = cradle;
  }

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filters: OrderFilters, page: { offset: number; limit: number; order?: string }): Promise<[OrderView[], number]> {
    return this.unitOfWork.run(async (tx) => {
      const qb = tx.manager.createQueryBuilder(Order, "o");
      this.applyFilters(qb, filters);
      const desc = page.order ? page.order.startsWith("-") : true;
      const field = page.order?.replace(/^-/, "") ?? "created_at";
      const [rows, count] = await qb
        .orderBy(`o.${field}`, desc ? "DESC" : "ASC")
        .addOrderBy("o.id", desc ? "DESC" : "ASC")
        .skip(page.offset)
        .take(page.limit)
        .getManyAndCount();
      return [await this.views(tx.manager, rows.map((r) => r.id)), count];
    });
  }

  retrieve(id: string, parent?: TransactionContext): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      const [view] = await this.views(tx.manager, [id]);
      if (!view) throw new NotFoundError(`Order with id ${id} was not found`, "order_not_found");
      return view;
    }, parent);
  }

  /** The order made from a cart, or null. */
  findByCart(cartId: string, parent?: TransactionContext): Promise<OrderView | null> {
    return this.findOne({ cart_id: cartId }, parent);
  }

  /** The order placed with an `Idempotency-Key`, or null. */
  findByIdempotencyKey(key: string, parent?: TransactionContext): Promise<OrderView | null> {
    return this.findOne({ idempotency_key: key }, parent);
  }

  /** The order with this display id and email (the store's order lookup), or null. */
  findByDisplayId(displayId: number, email: string): Promise<OrderView | null> {
    return this.findOne({ display_id: displayId, email: email.toLowerCase() });
  }

  /**
   * Creates the order of a cart inside the completion transaction: the next
   * display id from the counter row, the cart's addresses and the region's tax
   * rate copied, its discounts linked. `cart_id` and `idempotency_key` are
   * unique, so a concurrent second completion fails here and is answered with
   * this order.
   */
  createFromCart(cart: CartForOrder, idempotencyKey: string | null, parent?: TransactionContext): Promise<Order> {
    return this.unitOfWork.run(async (tx) => {
      const order = tx.manager.create(Order, {
        status: "pending",
        fulfillment_status: "not_fulfilled",
        payment_status: "awaiting",
        display_id: await this.nextDisplayId(tx.manager),
        cart_id: cart.id,
        customer_id: cart.customer_id,
        email: cart.email ?? "",
        region_id: cart.region_id,
        currency_code: cart.currency_code,
        tax_rate: cart.region.tax_rate,
        shipping_address: cart.shipping_address,
        billing_address: cart.billing_address,
        idempotency_key: idempotencyKey,
        canceled_at: null,
        no_notification: null,
        metadata: null,
      });
      await tx.manager.insert(Order, order as never);
      const discountIds = (cart.discounts ?? []).map((d) => d.id);
      if (discountIds.length) await tx.manager.createQueryBuilder().relation(Order, "discounts").of(order.id).add(discountIds);
      return order;
    }, parent);
  }

  /** Captures the order's authorized payments: `payment_status` becomes `captured`. */
  capture(id: string): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      const order = await this.lock(tx, id);
      this.assertNotCanceled(order);
      const captured = await this.cradle.paymentService.captureForOrder(id, tx);
      if (!captured) throw new UnprocessableError(`Order ${id} has no payment left to capture`, "nothing_to_capture");
      await this.setStatuses(tx.manager, id, { payment_status: "captured" });
      tx.emit("order.payment_captured", { id });
      return this.retrieve(id, tx);
    });
  }

  /**
   * Cancels an order that has no active fulfillment: its payments are canceled
   * with their providers and the stock it took is given back.
   */
  cancel(id: string): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      const order = await this.lock(tx, id);
      this.assertNotCanceled(order);
      if (order.status === "completed" || order.status === "archived") {
        throw new UnprocessableError(`Order ${id} is ${order.status} and cannot be canceled`, "order_not_cancelable");
      }
      const [view] = await this.views(tx.manager, [id]);
      if (view.fulfillments.some((f: { canceled_at: Date | null }) => !f.canceled_at)) {
        throw new UnprocessableError("All fulfillments must be canceled before the order can be canceled", "order_has_fulfillments");
      }
      await this.cradle.paymentService.cancelForOrder(id, tx);
      await this.cradle.lineItemService.releaseStock(id, tx);
      await this.setStatuses(tx.manager, id, {
        status: "canceled",
        fulfillment_status: "canceled",
        payment_status: "canceled",
        canceled_at: new Date(),
      });
      tx.emit("order.canceled", { id });
      return this.retrieve(id, tx);
    });
  }

  /** Refunds part of what was captured (400 beyond it): `payment_status` becomes `partially_refunded` or `refunded`. */
  refund(
    id: string,
    input: { amount: number; reason: string; note?: string | null; metadata?: Record<string, unknown> | null },
  ): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      await this.lock(tx, id);
      const refund = await this.cradle.paymentService.refundForOrder(id, input, tx);
      const [view] = await this.views(tx.manager, [id]);
      await this.setStatuses(tx.manager, id, {
        payment_status: view.refunded_total >= view.paid_total ? "refunded" : "partially_refunded",
      });
      tx.emit("order.refund_created", { id, refund_id: refund.id });
      return this.retrieve(id, tx);
    });
  }

  /** Marks an order completed (not a canceled one). */
  complete(id: string): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      const order = await this.lock(tx, id);
      this.assertNotCanceled(order);
      await this.setStatuses(tx.manager, id, { status: "completed" });
      tx.emit("order.completed", { id });
      return this.retrieve(id, tx);
    });
  }

  /** Archives a completed or canceled order. */
  archive(id: string): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      const order = await this.lock(tx, id);
      if (order.status !== "completed" && order.status !== "canceled") {
        throw new UnprocessableError(`Only completed or canceled orders can be archived; order ${id} is ${order.status}`, "order_not_archivable");
      }
      await this.setStatuses(tx.manager, id, { status: "archived" });
      tx.emit("order.archived", { id });
      return this.retrieve(id, tx);
    });
  }

  /** Recomputes `fulfillment_status` from the order's lines (after a fulfillment changes). */
  refreshFulfillmentStatus(id: string, parent?: TransactionContext): Promise<FulfillmentStatus> {
    return this.unitOfWork.run(async (tx) => {
      const lines = await this.cradle.lineItemService.listForOrders([id], tx);
      const status = fulfillmentStatusOf(lines);
      await this.setStatuses(tx.manager, id, { fulfillment_status: status });
      return status;
    }, parent);
  }

  /**
   * Locks an order row for the rest of the transaction (so two admin actions on
   * one order take turns) and returns it; unknown is a 404.
   */
  async lock(tx: TransactionContext, id: string): Promise<Order> {
    const order = await lockRow(tx.manager, Order, id);
    if (!order) throw new NotFoundError(`Order with id ${id} was not found`, "order_not_found");
    return order;
  }

  private assertNotCanceled(order: Order): void {
    if (order.status === "canceled") throw new UnprocessableError(`Order ${order.id} is canceled`, "order_canceled");
  }

  private async setStatuses(
    manager: EntityManager,
    id: string,
    set: { status?: OrderStatus; fulfillment_status?: FulfillmentStatus; payment_status?: PaymentStatus; canceled_at?: Date },
  ): Promise<void> {
    await manager.update(Order, { id }, { ...set, updated_at: new Date() });
  }

  private findOne(where: { cart_id?: string; idempotency_key?: string; display_id?: number; email?: string }, parent?: TransactionContext) {
    return this.unitOfWork.run(async (tx) => {
      const found = await tx.manager.findOneBy(Order, where);
      if (!found) return null;
      const [view] = await this.views(tx.manager, [found.id]);
      return view ?? null;
    }, parent);
  }

  /**
   * The next display id: one UPDATE … RETURNING of the counter row (which on
   * PostgreSQL also makes concurrent completions take turns for this one row,
   * briefly, at the end of their transactions).
   */
  private async nextDisplayId(manager: EntityManager): Promise<number> {
    const params = new SqlParams(manager);
    const sql = `UPDATE "order_sequence" SET "value" = "value" + 1 WHERE "name" = ${params.add(DISPLAY_ID_SEQUENCE)} RETURNING "value"`;
    const [row] = await runSql<{ value: number }>(manager, sql, params.values, { prepare: true });
    if (row) return Number(row.value);
    const max = await manager.createQueryBuilder(Order, "o").select("MAX(o.display_id)", "max").getRawOne<{ max: number | null }>();
    const value = Number(max?.max ?? 0) + 1;
    await manager.insert(OrderSequence, { name: DISPLAY_ID_SEQUENCE, value });
    return value;
  }

  private applyFilters(qb: ReturnType<EntityManager["createQueryBuilder"]>, f: OrderFilters): void {
    if (f.id?.length) qb.andWhere("o.id IN (:...ids)", { ids: f.id });
    for (const key of ["status", "fulfillment_status", "payment_status"] as const) {
      const values = f[key];
      if (values?.length) qb.andWhere(`o.${key} IN (:...${key})`, { [key]: values });
    }
    for (const key of ["customer_id", "region_id", "cart_id", "display_id"] as const) {
      if (f[key] !== undefined) qb.andWhere(`o.${key} = :${key}`, { [key]: f[key] });
    }
    if (f.email) qb.andWhere("o.email = :email", { email: f.email.toLowerCase() });
    if (f.currency_code) qb.andWhere("o.currency_code = :currency", { currency: f.currency_code.toLowerCase() });
    for (const column of ["created_at", "updated_at"] as const) {
      const range = f[column];
      if (!range) continue;
      for (const [op, sql] of Object.entries(RANGE_OPS) as [keyof typeof RANGE_OPS, string][]) {
        if (range[op]) qb.andWhere(`o.${column} ${sql} :${column}_${op}`, { [`${column}_${op}`]: range[op] });
      }
    }
    if (f.q) {
      const q = f.q.trim();
      const pattern = containsPattern(q.toLowerCase());
      qb.andWhere(
        new Brackets((w) => {
          w.where(`LOWER(o.email) LIKE :q ESCAPE '\\'`, { q: pattern });
          if (/^\d{1,9}$/.test(q)) w.orWhere("o.display_id = :qid", { qid: Number(q) });
          w.orWhere("o.id = :qraw", { qraw: q });
        }),
      );
    }
  }

  /** Orders as the API shows them, in the order of `ids` (unknown ids are left out). */
  private async views(manager: EntityManager, ids: string[]): Promise<OrderView[]> {
    if (!ids.length) return [];
    const orders = await loadOrders(manager, ids);
    const lines = await this.cradle.lineItemService.listForOrders(ids);
    const variants = await this.cradle.lineItemService.variantSummaries(lines.map((l) => l.variant_id!).filter(Boolean));
    const regions = await this.cradle.regionService.listByIds([...new Set(orders.map((o) => o.region_id))]);
    const context: ViewContext = { lineItems: this.cradle.lineItemService, lines, variants, regions };
    const byId = new Map(orders.map((o) => [o.id, orderView(o, context)]));
    return ids.map((id) => byId.get(id)).filter((v): v is OrderView => !!v);
  }
}
