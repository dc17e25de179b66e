import {
  byCreation,
  compareText,
  ConflictError,
  InvalidDataError,
  lockRow,
  NotAllowedError,
  NotFoundError,
  UnprocessableError,
  type EntityManager,
  type TransactionContext,
  rowsWhereIn,
  type DiscountView,
  type KioskServices,
  type PaymentContext,
  type PaymentSession,
  type Region,
  type StartedSession,
  type UnitOfWork,
} from "kiosk";
import { Cart } from "../models/cart";
import { LineItem } from "../models/line-item";
import { toAddress, type AddressInput } from "../lib/address";
import { findVariants, isPurchasable, limitsStock, variantSummary, type CatalogVariant } from "../lib/catalog";
import { MAX_LINE_QUANTITY, MAX_LINES } from "../lib/limits";
import { mergeMetadata } from "kiosk";
import { cartSubtotal, loadCartRows, type CartRows } from "../lib/cart-relations";
import { calculateTotals, type LineTotals, type Totals, type TotalsDiscount } from "../lib/totals";


export interface CreateCartInput {
  region_id?: string;
  country_code?: string;
  email?: string;
  items?: { variant_id: string; quantity: number; metadata?: Record<string, unknown> | null }[];
  context?: Record<string, unknown>;
  metadata?: Record<string, unknown> | null;
}

export interface UpdateCartInput {
  region_id?: string;
  country_code?: string;
  email?: string;
  customer_id?: string;
  shipping_address?: AddressInput | string | null;
  billing_address?: AddressInput | string | null;
  discounts?: { code: string }[];
  context?: Record<string, unknown>;
  metadata?: Record<string, unknown> | null;
}

export interface LineItemInput {
  variant_id: string;
  quantity: number;
  metadata?: Record<string, unknown> | null;
}

/** A line as the API shows it: the stored line, its variant summary and its totals. */
export type LineItemView = LineItem & LineTotals & { variant: ReturnType<typeof variantSummary>; tax_lines: unknown[]; includes_tax: boolean };

/** A cart as the API shows it (Medusa v1's `Cart` with its totals). */
export type CartView = Omit<Cart, "items"> &
  Totals & {
    object: "cart";
    items: LineItemView[];
    region: Region;
    payment_session: any | null;
    shipping_address_id: string | null;
    billing_address_id: string | null;
    gift_cards: unknown[];
    sales_channel_id: null;
    payment_id: null;
  };

/** Who is asking: the signed-in customer, when there is one. */
export interface CartActor {
  customerId?: string;
}

/**
 * Carts: create one for a region, add and change lines (priced from the
 * region, checked against stock), set email and addresses, apply discount
 * codes, choose shipping and payment. Every change runs in one transaction that
 * first locks the cart row, recomputes the totals, follows them with the
 * payment sessions and raises `cart.updated`.
 */
export default class CartService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  /** A cart with its lines, discounts, shipping, payment sessions, region and totals. */
  retrieve(id: string): Promise<CartView> {
    return this.unitOfWork.read((manager) => this.view(manager, id));
  }

  create(input: CreateCartInput, actor: CartActor = {}): Promise<CartView> {
    return this.unitOfWork.run(async (tx) => {
      const region = await this.regionFor(input.region_id);
      let email = input.email?.toLowerCase() ?? null;
      if (actor.customerId && !email) email = (await this.cradle.customerService.retrieve(actor.customerId)).email;
      const cart = tx.manager.create(Cart, {
        region_id: region.id,
        currency_code: region.currency_code.toLowerCase(),
        customer_id: actor.customerId ?? null,
        email,
        shipping_address: null,
        billing_address: null,
        type: "default",
        completed_at: null,
        payment_authorized_at: null,
        idempotency_key: null,
        context: input.context ?? {},
        metadata: input.metadata ?? null,
      });
      if (input.country_code) cart.shipping_address = toAddress({ country_code: this.countryIn(region, input.country_code) }, null);
      await tx.manager.insert(Cart, cart as never);
      for (const item of input.items ?? []) await this.addLine(tx.manager, cart, region, item);
      tx.emit("cart.created", { id: cart.id });
      return this.view(tx.manager, cart.id, { region });
    });
  }

  update(id: string, input: UpdateCartInput, actor: CartActor = {}): Promise<CartView> {
    return this.change(id, async (tx, cart) => {
      if (input.customer_id !== undefined) {
        if (input.customer_id !== actor.customerId || (cart.customer_id && cart.customer_id !== actor.customerId)) {
          throw new NotAllowedError("A cart can only be given to the signed-in customer, and only once", "customer_mismatch");
        }
        cart.customer_id = actor.customerId;
        if (!cart.email && input.email === undefined) cart.email = (await this.cradle.customerService.retrieve(actor.customerId)).email;
      }
      if (input.email !== undefined) cart.email = input.email.toLowerCase();
      let region = await this.cradle.regionService.retrieve(cart.region_id);
      if (input.region_id && input.region_id !== cart.region_id) {
        region = await this.changeRegion(tx, cart, input.region_id);
      }
      if (input.country_code) {
        cart.shipping_address = toAddress(
          { ...(cart.shipping_address ?? {}), country_code: this.countryIn(region, input.country_code) },
          cart.shipping_address,
        );
      }
      if (input.shipping_address !== undefined) {
        const address = await this.addressFrom(input.shipping_address, cart);
        if (address?.country_code) this.countryIn(region, address.country_code, "shipping_address.country_code");
        cart.shipping_address = address && toAddress(address, cart.shipping_address);
      }
      if (input.billing_address !== undefined) {
        const address = await this.addressFrom(input.billing_address, cart);
        cart.billing_address = address && toAddress(address, cart.billing_address);
      }
      if (input.context) cart.context = { ...(cart.context ?? {}), ...input.context };
      if (input.metadata !== undefined) cart.metadata = mergeMetadata(cart.metadata, input.metadata);
      await this.saveColumns(tx.manager, cart);
      if (input.discounts) {
        await tx.manager.createQueryBuilder().relation(Cart, "discounts").of(cart.id).remove(await this.discountIds(tx.manager, cart.id));
        for (const { code } of input.discounts) await this.attachDiscount(tx, cart, code);
      }
      return region;
    });
  }

  addLineItem(id: string, input: LineItemInput): Promise<CartView> {
    return this.change(id, async (tx, cart) => {
      const region = await this.cradle.regionService.retrieve(cart.region_id);
      await this.addLine(tx.manager, cart, region, input);
      return region;
    });
  }

  /** Changes a line's quantity (0 removes it, as in Medusa v1) and metadata. */
  updateLineItem(id: string, lineId: string, input: { quantity: number; metadata?: Record<string, unknown> | null }): Promise<CartView> {
    return this.change(id, async (tx, cart) => {
      const line = await tx.manager.findOneBy(LineItem, { id: lineId, cart_id: cart.id });
      if (!line) throw new NotFoundError(`Line item with id ${lineId} was not found in cart ${cart.id}`, "line_item_not_found");
      if (input.quantity === 0) {
        await tx.manager.delete(LineItem, { id: line.id });
        return;
      }
      const region = await this.cradle.regionService.retrieve(cart.region_id);
      const variant = await this.purchasable(tx.manager, line.variant_id);
      this.assertStock(variant, input.quantity);
      line.quantity = input.quantity;
      line.unit_price = this.priceOf(variant, region);
      line.metadata = mergeMetadata(line.metadata, input.metadata);
      await tx.manager.save(line);
    });
  }

  removeLineItem(id: string, lineId: string): Promise<CartView> {
    return this.change(id, async (tx, cart) => {
      const { affected } = await tx.manager.delete(LineItem, { id: lineId, cart_id: cart.id });
      if (!affected) throw new NotFoundError(`Line item with id ${lineId} was not found in cart ${cart.id}`, "line_item_not_found");
    });
  }

  /** The shipping options a customer may choose for the cart. */
  shippingOptions(id: string): Promise<unknown[]> {
    return this.unitOfWork.read(async (manager) => {
      const [cart] = await rowsWhereIn<Cart>(manager, Cart, "id", [id]);
      if (!cart) throw new NotFoundError(`Cart with id ${id} was not found`, "cart_not_found");
      const subtotal = await cartSubtotal(manager, id);
      return this.cradle.shippingOptionService.listForCart({ region_id: cart.region_id, subtotal });
    });
  }

  /** Sets the cart's shipping; the option's provider checks the data before the cart's transaction opens. */
  async addShippingMethod(id: string, optionId: string, data: Record<string, unknown> = {}): Promise<CartView> {
    const kept = await this.cradle.shippingMethodService.prepareData(id, optionId, data);
    return this.change(id, async (tx, cart) => {
      const subtotal = await cartSubtotal(tx.manager, cart.id);
      await this.cradle.shippingMethodService.setForCart({ id: cart.id, region_id: cart.region_id, subtotal }, optionId, kept);
    });
  }

  /**
   * Starts a payment session with every installed provider the cart has none
   * with yet (selected at once when there is one). The providers are asked
   * before the cart's transaction opens.
   */
  createPaymentSessions(id: string): Promise<CartView> {
    return this.startSessions(id);
  }

  /** Selects one provider's session, starting it first (before the transaction) when the cart has none. */
  selectPaymentSession(id: string, providerId: string): Promise<CartView> {
    return this.startSessions(id, providerId);
  }

  /**
   * Starts a session with `select` (404 unless installed), or with every
   * installed provider, where the cart has none yet (provider calls, no
   * transaction open), then stores them in the cart's change, selecting
   * `select`; sessions a concurrent request stored first are handed back to
   * their providers after commit.
   */
  private async startSessions(id: string, select?: string): Promise<CartView> {
    const view = await this.retrieveOpen(id);
    const sessions = this.cradle.paymentSessionService;
    const missing = sessions.providers(select ? [select] : undefined).filter((p) => !view.payment_sessions!.some((s: PaymentSession) => s.provider_id === p));
    const started = await sessions.start(this.paymentContext(view), missing);
    let dropped: StartedSession[] = [];
    const answer = await this.change(id, async (tx) => {
      dropped = await sessions.save(id, started, { select });
      return view.region;
    });
    await sessions.discard(dropped);
    return answer;
  }

  /**
   * The storefront's input for a session goes to its provider (before the
   * transaction); the session keeps what the provider answers, never the input itself.
   */
  async updatePaymentSession(id: string, providerId: string, input: Record<string, unknown>): Promise<CartView> {
    const view = await this.retrieveOpen(id, { items: false });
    const session = view.payment_sessions!.find((s: PaymentSession) => s.provider_id === providerId) as PaymentSession | undefined;
    if (!session) throw new NotFoundError(`The cart has no payment session with ${providerId}`, "payment_session_not_found");
    const data = await this.cradle.paymentSessionService.providerData(session, view.currency_code, input);
    return this.change(id, async (tx) => {
      await this.cradle.paymentSessionService.storeData(session, data);
      return view.region;
    });
  }

  /** Removes a provider's session; the provider hears of it after commit. */
  async deletePaymentSession(id: string, providerId: string): Promise<CartView> {
    let removed: PaymentSession | null = null;
    const answer = await this.change(id, async (tx) => {
      removed = await this.cradle.paymentSessionService.remove(id, providerId);
      if (!removed) throw new NotFoundError(`The cart has no payment session with ${providerId}`, "payment_session_not_found");
    });
    await this.cradle.paymentSessionService.discard([removed!]);
    return answer;
  }

  /** A completed cart no longer changes: a 409. */
  private assertOpen(cart: { id: string; completed_at: Date | null }): void {
    if (cart.completed_at) throw new ConflictError(`Cart ${cart.id} has been completed and can no longer change`, "cart_completed");
  }

  /** A cart that can still change (409 once completed), with items unless told otherwise (422). */
  private async retrieveOpen(id: string, options: { items?: boolean } = {}): Promise<CartView> {
    const view = await this.retrieve(id);
    this.assertOpen(view);
    if (options.items !== false && !view.items.length) throw new UnprocessableError("The cart has no items", "cart_empty", "items");
    return view;
  }

  /** Applies a code; a code that cannot be used is refused with the reason (404 / 422). */
  applyDiscount(id: string, code: string): Promise<CartView> {
    return this.change(id, (tx, cart) => this.attachDiscount(tx, cart, code));
  }

  /** Takes a code off the cart (nothing happens when it was not on it). */
  removeDiscount(id: string, code: string): Promise<CartView> {
    return this.change(id, async (tx, cart) => {
      const loaded = await tx.manager.findOne(Cart, { where: { id: cart.id }, relations: { discounts: true } });
      const found = (loaded?.discounts ?? []).filter((d: { code: string }) => d.code === code.trim().toUpperCase());
      if (found.length) await tx.manager.createQueryBuilder().relation(Cart, "discounts").of(cart.id).remove(found.map((d) => d.id));
    });
  }

  /**
   * Locks a cart for the rest of the transaction (an UPDATE of its row, which on
   * PostgreSQL makes a concurrent change or completion of the same cart wait
   * for this one to commit) and returns its columns. Unknown is a 404.
   */
  async lock(tx: TransactionContext, id: string): Promise<Cart> {
    const cart = await lockRow(tx.manager, Cart, id);
    if (!cart) throw new NotFoundError(`Cart with id ${id} was not found`, "cart_not_found");
    return cart;
  }

  /** The payment context of a cart view. */
  paymentContext(view: CartView): PaymentContext {
    return { cart_id: view.id, email: view.email, customer_id: view.customer_id, currency_code: view.currency_code, amount: view.total };
  }

  /**
   * Runs a change on an open cart in one transaction, then answers the cart as
   * it is now. A change that read the cart's region returns it, so the answer
   * does not read it again.
   */
  private async change(id: string, work: (tx: TransactionContext, cart: Cart) => Promise<Region | void>): Promise<CartView> {
    const view = await this.unitOfWork.run(async (tx) => {
      const cart = await this.lock(tx, id);
      this.assertOpen(cart);
      const region = (await work(tx, cart)) ?? undefined;
      tx.emit("cart.updated", { id });
      return this.view(tx.manager, id, { region });
    });
    return this.followTotal(view);
  }

  /**
   * Pending payment sessions whose amount is not the cart's total follow it:
   * their providers are asked after the change committed, never inside a
   * transaction (inside a caller's own transaction they are left for
   * completion, which brings the selected session up to the total before it
   * authorizes). Answers the cart as it is then.
   */
  private async followTotal(view: CartView): Promise<CartView> {
    const stale = view.payment_sessions!.filter((s: PaymentSession) => s.status === "pending" && s.amount !== view.total);
    if (!stale.length || this.unitOfWork.active) return view;
    await this.cradle.paymentSessionService.follow(this.paymentContext(view), stale);
    return this.unitOfWork.read((manager) => this.view(manager, view.id, { region: view.region }));
  }

  /**
   * The cart as the API shows it, and the full catalog rows of its lines'
   * variants (product status, stock settings), which completion checks.
   */
  async retrieveWithVariants(id: string): Promise<{ cart: CartView; variants: Map<string, CatalogVariant>; completing: boolean }> {
    return this.unitOfWork.run(async (tx) => {
      const rows = await loadCartRows(tx.manager, id, { completing: true });
      if (!rows) throw new NotFoundError(`Cart with id ${id} was not found`, "cart_not_found");
      return { cart: await this.present(rows), variants: rows.variants, completing: !!rows.completing };
    });
  }

  private async view(manager: EntityManager, id: string, known?: { region?: Region }): Promise<CartView> {
    const rows = await loadCartRows(manager, id);
    if (!rows) throw new NotFoundError(`Cart with id ${id} was not found`, "cart_not_found");
    return this.present(rows, known);
  }

  private async present(rows: CartRows, known?: { region?: Region }): Promise<CartView> {
    const { cart } = rows;
    const region = known?.region?.id === cart.region_id ? known.region : await this.cradle.regionService.retrieve(cart.region_id);
    const items = rows.items.sort(byCreation);
    const { variants } = rows;
    const methods = rows.shipping_methods.sort((a: any, b: any) => a.created_at - b.created_at);
    const discounts = rows.discounts as TotalsDiscount[];
    const result = calculateTotals({
      lines: items,
      shippingPrices: methods.map((m: { price: number }) => m.price),
      taxRate: region.tax_rate,
      discounts,
    });
    const sessions = rows.payment_sessions.sort((a: any, b: any) => compareText(a.provider_id, b.provider_id));
    return {
      object: "cart",
      ...cart,
      shipping_address_id: cart.shipping_address?.id ?? null,
      billing_address_id: cart.billing_address?.id ?? null,
      items: items.map((item) => ({
        ...item,
        ...result.lines.get(item.id)!,
        variant: variantSummary(variants.get(item.variant_id ?? "")),
        tax_lines: this.cradle.regionService.taxLines(region, item.id),
        includes_tax: false,
      })),
      region,
      discounts,
      gift_cards: [],
      shipping_methods: methods.map((m: any, i: number) => ({ ...m, price: result.shipping_prices[i] })),
      payment_sessions: sessions,
      payment_session: sessions.find((s: { is_selected: boolean }) => s.is_selected) ?? null,
      payment_id: null,
      sales_channel_id: null,
      ...result.totals,
    } as unknown as CartView;
  }

  private async addLine(manager: EntityManager, cart: Cart, region: Region, input: LineItemInput): Promise<void> {
    const variant = await this.purchasable(manager, input.variant_id);
    const unitPrice = this.priceOf(variant, region);
    const lines = await rowsWhereIn<LineItem>(manager, LineItem, "cart_id", [cart.id]);
    const existing = lines.find((l) => l.variant_id === variant.id);
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    if (quantity > MAX_LINE_QUANTITY) {
      throw new InvalidDataError(`quantity: a line holds at most ${MAX_LINE_QUANTITY} units`, { code: "invalid_request", field: "quantity" });
    }
    this.assertStock(variant, quantity);
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

  /** A variant the store sells: unknown, deleted or unpublished is a 404 `variant_not_found`. */
  private async purchasable(manager: EntityManager, variantId: string | null): Promise<CatalogVariant> {
    const variant = variantId ? (await findVariants(manager, [variantId])).get(variantId) : undefined;
    if (!isPurchasable(variant)) throw new NotFoundError(`Variant with id ${variantId} was not found`, "variant_not_found");
    return variant;
  }

  /** The unit price in the region: a price for the region wins, else the region currency's; none is a 422. */
  private priceOf(variant: CatalogVariant, region: Region): number {
    const copy = { ...variant, prices: variant.prices } as CatalogVariant & { calculated_price?: number | null };
    this.cradle.priceSelectionService.setVariantPrices([{ variants: [copy] }], {
      region_id: region.id,
      currency_code: region.currency_code.toLowerCase(),
    });
    if (copy.calculated_price === null || copy.calculated_price === undefined) {
      throw new UnprocessableError(`Variant with id ${variant.id} has no price in region ${region.id}`, "variant_price_missing", "variant_id");
    }
    return copy.calculated_price;
  }

  private assertStock(variant: CatalogVariant, quantity: number): void {
    if (limitsStock(variant) && variant.inventory_quantity < quantity) {
      throw new UnprocessableError(
        `Variant with id: ${variant.id} does not have the required inventory`,
        "insufficient_inventory",
        "quantity",
      );
    }
  }

  /** The region asked for, or the first region when none is given (422 when the store has none). */
  private async regionFor(regionId: string | undefined): Promise<Region> {
    if (regionId) return this.cradle.regionService.retrieve(regionId);
    const [[first]] = await this.cradle.regionService.list({ offset: 0, limit: 1 });
    if (!first) throw new UnprocessableError("The store has no region to create a cart in", "no_region", "region_id");
    return this.cradle.regionService.retrieve(first.id);
  }

  /** A country code of the region (lower-cased); another is a 400, as in Medusa. */
  private countryIn(region: Region, code: string, field = "country_code"): string {
    const iso = code.toLowerCase();
    if (!(region.countries ?? []).some((c) => c.iso_2 === iso)) {
      throw new InvalidDataError(`Country ${iso} is not in the cart's region`, { code: "country_not_in_region", field });
    }
    return iso;
  }

  /** An address from the body, or from the signed-in customer's address book when given as an id. */
  private async addressFrom(value: AddressInput | string | null, cart: Cart): Promise<AddressInput | null> {
    if (value === null || typeof value === "object") return value;
    if (!cart.customer_id) throw new NotFoundError(`Address with id ${value} was not found`, "address_not_found");
    const address = (await this.cradle.customerAddressService.list(cart.customer_id)).find((a) => a.id === value);
    if (!address) throw new NotFoundError(`Address with id ${value} was not found`, "address_not_found");
    const { id: _id, ...fields } = address;
    return fields;
  }

  /**
   * Moves the cart to another region: its lines are priced again (a line with no
   * price there is a 422 and nothing changes), shipping and payment sessions
   * are dropped, discounts not valid there are taken off, and a shipping
   * address outside the region is cleared.
   */
  private async changeRegion(tx: TransactionContext, cart: Cart, regionId: string): Promise<Region> {
    const region = await this.cradle.regionService.retrieve(regionId);
    const lines = await tx.manager.findBy(LineItem, { cart_id: cart.id });
    const variants = await findVariants(tx.manager, lines.map((l) => l.variant_id!).filter(Boolean));
    for (const line of lines) {
      const variant = variants.get(line.variant_id ?? "");
      if (!isPurchasable(variant)) throw new NotFoundError(`Variant with id ${line.variant_id} was not found`, "variant_not_found");
      line.unit_price = this.priceOf(variant, region);
      await tx.manager.save(line);
    }
    cart.region_id = region.id;
    cart.currency_code = region.currency_code.toLowerCase();
    const country = cart.shipping_address?.country_code;
    if (country && !(region.countries ?? []).some((c) => c.iso_2 === country)) cart.shipping_address = null;
    await this.cradle.shippingMethodService.clearForCart(cart.id);
    await this.cradle.paymentSessionService.clearForCart(cart.id);
    const loaded = await tx.manager.findOne(Cart, { where: { id: cart.id }, relations: { discounts: true } });
    const invalid: string[] = [];
    for (const d of loaded?.discounts ?? []) {
      const discount = await this.cradle.discountService.retrieveByCode(d.code);
      if (!discount.regions.some((r) => r.id === region.id)) invalid.push(d.id);
    }
    if (invalid.length) await tx.manager.createQueryBuilder().relation(Cart, "discounts").of(cart.id).remove(invalid);
    return region;
  }

  /**
   * Applies a code: it must exist (404) and be usable now in the cart's region
   * (422 with the reason); it replaces the discounts it cannot be combined
   * with (the discount module's rule, `discountService.replacedBy`).
   */
  private async attachDiscount(tx: TransactionContext, cart: Cart, code: string): Promise<void> {
    const discount = await this.cradle.discountService.retrieveByCode(code);
    this.cradle.discountService.assertApplicable(discount, cart.region_id);
    const loaded = await tx.manager.findOne(Cart, { where: { id: cart.id }, relations: { discounts: { rule: true } } });
    const current = (loaded?.discounts ?? []) as DiscountView[];
    if (current.some((d) => d.id === discount.id)) return;
    const replaced = this.cradle.discountService.replacedBy(discount, current);
    const relation = tx.manager.createQueryBuilder().relation(Cart, "discounts").of(cart.id);
    if (replaced.length) await relation.remove(replaced);
    await relation.add(discount.id);
  }

  private async discountIds(manager: EntityManager, cartId: string): Promise<string[]> {
    const loaded = await manager.findOne(Cart, { where: { id: cartId }, relations: { discounts: true } });
    return (loaded?.discounts ?? []).map((d: { id: string }) => d.id);
  }

  /** Saves the cart's own columns (never its relations). */
  private async saveColumns(manager: EntityManager, cart: Cart): Promise<void> {
    const { email, customer_id, region_id, currency_code, shipping_address, billing_address, context, metadata } = cart;
    await manager.update(Cart, { id: cart.id }, {
      email,
      customer_id,
      region_id,
      currency_code,
      shipping_address,
      billing_address,
      context,
      metadata,
      updated_at: new Date(),
    } as never);
  }
}

