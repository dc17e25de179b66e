import {
  containsPattern,
  Brackets,
  InvalidDataError,
  NotFoundError,
  type CartView,
  type EntityManager,
  type KioskServices,
  type UnitOfWork,
} from "kiosk";
import { Order, type FulfillmentStatus } from "../models/order";
import { taxLinesOf } from "../lib/order-tax-lines";
import { fulfillmentStatusOf } from "../lib/fulfillment-status";
import { moveOrder } from "../lib/move-order";
import { beginAction } from "../lib/order-claim";
import { assertOpen } from "../lib/order-status";
import { ORDER_SORT_FIELDS } from "../lib/constants";
import { loadOrders } from "../lib/order-rows";
import { applyOrderUpdate, type OrderUpdate } from "../lib/order-update";
import { orderView, type OrderView, type ViewContext } from "../lib/order-view";

export interface OrderFilters {
  q?: string;
  id?: string[];
  status?: string[];
  fulfillment_status?: string[];
  payment_status?: string[];
  customer_id?: string;
  email?: string;
  region_id?: string;
  sales_channel_id?: string[];
  cart_id?: string;
  display_id?: number;
  currency_code?: string;
  created_at?: { gt?: Date; gte?: Date; lt?: Date; lte?: Date };
  updated_at?: { gt?: Date; gte?: Date; lt?: Date; lte?: Date };
}

/**
 * The column and direction of an order list's `order` (`-created_at` when
 * absent). The column is checked here, where it is written into the SQL, and
 * not only by the route's validator: anything else is a 400.
 */
function sortOf(order: string | undefined): { field: (typeof ORDER_SORT_FIELDS)[number]; desc: boolean } {
  const desc = order ? order.startsWith("-") : true;
  const field = (order?.replace(/^-/, "") ?? "created_at") as (typeof ORDER_SORT_FIELDS)[number];
  if (!ORDER_SORT_FIELDS.includes(field)) {
    throw new InvalidDataError(`order: cannot sort orders by ${field}`, { code: "invalid_request", field: "order" });
  }
  return { field, desc };
}

const RANGE_OPS = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/**
 * Orders: made from a cart at completion (in the completion's transaction),
 * read by the store and the admin, completed and archived by the admin. The
 * actions that call a provider are their own services: `orderPaymentService`
 * (capture, refund), `orderCancellationService` (cancel) and
 * `fulfillmentService`. Every status write goes through `lib/move-order.ts`.
 */
export default class OrderService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /** A page of orders (and their count), then their views in one statement; reads, so no transaction is opened. */
  list(filters: OrderFilters, page: { offset: number; limit: number; order?: string }): Promise<[OrderView[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const qb = manager.createQueryBuilder(Order, "o");
      this.applyFilters(qb, filters);
      const { field, desc } = sortOf(page.order);
      const [rows, count] = await qb
        .orderBy(`o.${field}`, desc ? "DESC" : "ASC")
        .addOrderBy("o.id", desc ? "DESC" : "ASC")
        .skip(page.offset)
        .take(page.limit)
        .getManyAndCount();
      return [await this.views(manager, rows.map((r) => r.id)), count];
    });
  }

  /** An order as the API shows it: one statement, a read (inside the caller's transaction, if any, it sees its writes). */
  retrieve(id: string): Promise<OrderView> {
    return this.unitOfWork.read(async (manager) => {
      const [view] = await this.views(manager, [id]);
      if (!view) throw new NotFoundError(`Order with id ${id} was not found`, "order_not_found");
      return view;
    });
  }

  /** The order made from a cart, or null. */
  findByCart(cartId: string): Promise<OrderView | null> {
    return this.findOne({ cart_id: cartId });
  }

  /** The order placed with an `Idempotency-Key`, or null. */
  findByIdempotencyKey(key: string): Promise<OrderView | null> {
    return this.findOne({ idempotency_key: key });
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
  createFromCart(cart: CartView, idempotencyKey: string | null): Promise<Order> {
    return this.unitOfWork.run(async (tx) => {
      const order = tx.manager.create(Order, {
        status: "pending",
        fulfillment_status: "not_fulfilled",
        payment_status: "awaiting",
        display_id: await this.displayId(tx.manager, cart),
        cart_id: cart.id,
        customer_id: cart.customer_id,
        email: cart.email ?? "",
        region_id: cart.region_id,
        sales_channel_id: cart.sales_channel_id ?? null,
        currency_code: cart.currency_code,
        tax_rate: cart.region.tax_rate,
        tax_lines: taxLinesOf(cart),
        // The cart's addresses, stored as they are (JSON).
        shipping_address: cart.shipping_address as Order["shipping_address"],
        billing_address: cart.billing_address as Order["billing_address"],
        idempotency_key: idempotencyKey,
        canceled_at: null,
        no_notification: null,
        metadata: null,
      });
      await tx.manager.insert(Order, order as never);
      const discountIds = (cart.discounts ?? []).map((d) => d.id);
      if (discountIds.length) await tx.manager.createQueryBuilder().relation(Order, "discounts").of(order.id).add(discountIds);
      return order;
    });
  }

  /** Marks an order completed: only a pending (or requires_action) one, 422 otherwise. */
  complete(id: string): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      const order = await beginAction(tx, id);
      assertOpen(order);
      await moveOrder(tx.manager, order, { status: "completed" }, "order_not_completable");
      tx.emit("order.completed", { id });
      return this.retrieve(id);
    });
  }

  /**
   * Updates an order's email, addresses, `no_notification` or metadata (Medusa v1
   * `updateOrder`); a canceled or archived order is a 422 (`order_canceled`,
   * `order_archived`). Raises `order.updated`.
   */
  update(id: string, input: OrderUpdate): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      const order = await beginAction(tx, id);
      assertOpen(order);
      await applyOrderUpdate(this.cradle, tx, order, input);
      tx.emit("order.updated", { id });
      return this.retrieve(id);
    });
  }

  /**
   * Where another module's change to an order's lines starts (an order edit's
   * confirmation), inside the caller's transaction: locks the order, takes its
   * turn with the admin actions (409 `order_action_in_progress`) and refuses a
   * canceled or archived order (422 `order_canceled`, `order_archived`).
   */
  beginChange(id: string): Promise<Order> {
    return this.unitOfWork.run(async (tx) => {
      const order = await beginAction(tx, id);
      assertOpen(order);
      return order;
    });
  }

  /** Archives a completed or canceled order (422 `order_not_archivable` otherwise). */
  archive(id: string): Promise<OrderView> {
    return this.unitOfWork.run(async (tx) => {
      const order = await beginAction(tx, id);
      await moveOrder(tx.manager, order, { status: "archived" }, "order_not_archivable");
      tx.emit("order.archived", { id });
      return this.retrieve(id);
    });
  }

  /**
   * Recomputes a locked order's `fulfillment_status` from its lines after a
   * fulfillment changed, through the fulfillment status table.
   */
  refreshFulfillmentStatus(order: Order): Promise<FulfillmentStatus> {
    return this.unitOfWork.run(async (tx) => {
      const status = fulfillmentStatusOf(await this.cradle.lineItemService.listForOrders([order.id]));
      if (status !== order.fulfillment_status) await moveOrder(tx.manager, order, { fulfillment_status: status }, "order_not_fulfillable");
      return status;
    });
  }

  /** The new order's display id, from the `orderNumber` strategy: a positive integer or a 500 naming the strategy. */
  private async displayId(manager: EntityManager, cart: CartView): Promise<number> {
    const value = await this.cradle.orderNumberStrategy.next({ manager, cart: { id: cart.id, region_id: cart.region_id, email: cart.email } });
    if (!Number.isSafeInteger(value) || value < 1 || value > 2_147_483_647) {
      throw new Error(`the orderNumber strategy returned ${String(value)}: a display id is an integer from 1 to 2147483647`);
    }
    return value;
  }

  private findOne(where: { cart_id?: string; idempotency_key?: string; display_id?: number; email?: string }) {
    return this.unitOfWork.read(async (manager) => {
      const found = await manager.findOneBy(Order, where);
      if (!found) return null;
      const [view] = await this.views(manager, [found.id]);
      return view ?? null;
    });
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
    if (f.sales_channel_id?.length) qb.andWhere("o.sales_channel_id IN (:...channels)", { channels: f.sales_channel_id });
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

  /** Orders as the API shows them, in the order of `ids` (unknown ids are left out): one statement (`loadOrders`). */
  private async views(manager: EntityManager, ids: string[]): Promise<OrderView[]> {
    if (!ids.length) return [];
    const { orders, lines, variants, regions, returns, swaps, claims, giftCards, drafts } = await loadOrders(this.cradle, manager, ids);
    const context: ViewContext = { lineItems: this.cradle.lineItemService, lines, variants, regions, returns, swaps, claims, returnService: this.cradle.returnService, giftCards, drafts };
    const byId = new Map(orders.map((o) => [o.id, orderView(o, context)]));
    return ids.map((id) => byId.get(id)).filter((v): v is OrderView => !!v);
  }
}
