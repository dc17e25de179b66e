import type CartService from "./modules/cart/services/cart";
import type CartCompletionService from "./modules/cart/services/cart-completion";
import type LineItemService from "./modules/cart/services/line-item";
import type ClaimService from "./modules/claim/services/claim";
import type CustomerService from "./modules/customer/services/customer";
import type CustomerAddressService from "./modules/customer/services/customer-address";
import type CustomerPasswordResetService from "./modules/customer/services/customer-password-reset";
import type CustomerGroupService from "./modules/customer/services/customer-group";
import type DiscountService from "./modules/discount/services/discount";
import type DiscountConditionService from "./modules/discount/services/discount-condition";
import type DraftOrderService from "./modules/draft-order/services/draft-order";
import type FileService from "./modules/file/services/file";
import type FileProviderService from "./modules/file/services/file-provider";
import type LocalFileProviderService from "./modules/file/services/local-file-provider";
import type GiftCardService from "./modules/gift-card/services/gift-card";
import type BatchJobService from "./modules/batch-job/services/batch-job";
import type NoteService from "./modules/note/services/note";
import type NotificationService from "./modules/notification/services/notification";
import type NotificationProviderService from "./modules/notification/services/notification-provider";
import type LogNotificationProviderService from "./modules/notification/services/log-notification-provider";
import type OrderService from "./modules/order/services/order";
import type OrderPaymentService from "./modules/order/services/order-payment";
import type OrderCancellationService from "./modules/order/services/order-cancellation";
import type FulfillmentService from "./modules/order/services/fulfillment";
import type OrderShippingService from "./modules/order/services/order-shipping";
import type OrderClaimingService from "./modules/order/services/order-claiming";
import type OrderReturnService from "./modules/order/services/order-return";
import type OrderEditService from "./modules/order-edit/services/order-edit";
import type PaymentCollectionService from "./modules/order-edit/services/payment-collection";
import type PaymentCollectionSessionService from "./modules/order-edit/services/payment-collection-session";
import type OrderSettlementService from "./modules/order/services/order-settlement";
import type OrderActionService from "./modules/order/services/order-action";
import type PaymentService from "./modules/payment/services/payment";
import type PaymentSessionService from "./modules/payment/services/payment-session";
import type PaymentWebhookService from "./modules/payment/services/payment-webhook";
import type PaymentProviderService from "./modules/payment/services/payment-provider";
import type ManualPaymentProviderService from "./modules/payment/services/manual-payment-provider";
import type ProductService from "./modules/product/services/product";
import type ProductVariantService from "./modules/product/services/product-variant";
import type ProductCategoryService from "./modules/product/services/product-category";
import type ProductCollectionService from "./modules/product/services/product-collection";
import type ProductTagService from "./modules/product/services/product-tag";
import type ProductTypeService from "./modules/product/services/product-type";
import type ProductOptionService from "./modules/product/services/product-option";
import type PriceSelectionService from "./modules/product/services/price-selection";
import type PriceListService from "./modules/price-list/services/price-list";
import type RegionService from "./modules/region/services/region";
import type CurrencyService from "./modules/region/services/currency";
import type SearchService from "./modules/search/services/search";
import type ReturnReasonService from "./modules/return/services/return-reason";
import type ReturnService from "./modules/return/services/return";
import type SalesChannelService from "./modules/sales-channel/services/sales-channel";
import type StockLocationService from "./modules/stock-location/services/stock-location";
import type InventoryService from "./modules/inventory/services/inventory";
import type ReservationService from "./modules/inventory/services/reservation";
import type PublishableApiKeyService from "./modules/sales-channel/services/publishable-api-key";
import type SwapService from "./modules/swap/services/swap";
import type OrderSwapService from "./modules/order/services/order-swap";
import type ShippingOptionService from "./modules/shipping/services/shipping-option";
import type ShippingMethodService from "./modules/shipping/services/shipping-method";
import type FulfillmentProviderService from "./modules/shipping/services/fulfillment-provider";
import type ManualFulfillmentProviderService from "./modules/shipping/services/manual-fulfillment-provider";
import type ShippingProfileService from "./modules/shipping/services/shipping-profile";
import type TaxRateService from "./modules/tax/services/tax-rate";
import type StoreService from "./modules/store/services/store";
import type UserService from "./modules/user/services/user";
import type InviteService from "./modules/user/services/invite";
import type UserPasswordResetService from "./modules/user/services/user-password-reset";
import type { HookRunner } from "./kernel/hooks/hook-runner";
import type { KioskHooks } from "./hooks";
import type { OrderNumberStrategy, PriceSelectionStrategy, TaxCalculationStrategy } from "./strategies";

/**
 * The core modules' services in the container, by name
 * (`services/line-item.ts` -> `lineItemService`), added to the kernel's
 * `KioskServices` (its infrastructure: config, logger, dataSource, manager,
 * eventBus, unitOfWork, …) by declaration merging, so that the kernel's types
 * (`req.scope.resolve(…)`, a subscriber's or job's `container`) know them
 * without the kernel importing a module. A service receives it as its cradle
 * and reads another module's service from it lazily, when it needs it
 * (`this.cradle.regionService`), never restating that service's signature:
 *
 * ```ts
 * import type { KioskServices } from "kiosk";
 * export default class WishlistService {
 *   constructor(private readonly cradle: KioskServices) {}
 * }
 * ```
 *
 * It is an interface so that a plugin or a project can add its own services
 * by declaration merging (`kiosk generate service` writes it):
 *
 * ```ts
 * declare module "kiosk" {
 *   interface KioskServices {
   *     wishlistService: WishlistService;
   *   }
   * }
   * ```
   *
   * A project that overrides a core service keeps its public methods, so the
   * types here stay true.
   */
  declare module "./kernel/container/kiosk-services" {
    interface KioskServices {
    /** The handlers of `hooks/*` files, run by the core modules inside their transactions. */
    hooks: HookRunner<KioskHooks>;

    // Strategies (`strategies/<name>.ts` or the config's `strategies`), as `<name>Strategy`.
    taxCalculationStrategy: TaxCalculationStrategy;
    priceSelectionStrategy: PriceSelectionStrategy;
    orderNumberStrategy: OrderNumberStrategy;

    // batch-job
    batchJobService: BatchJobService;
    // cart
    cartService: CartService;
    cartCompletionService: CartCompletionService;
    lineItemService: LineItemService;
    // claim
    claimService: ClaimService;
    // customer
    customerService: CustomerService;
    customerAddressService: CustomerAddressService;
    customerPasswordResetService: CustomerPasswordResetService;
    customerGroupService: CustomerGroupService;
    // discount
    discountService: DiscountService;
    discountConditionService: DiscountConditionService;
    // draft-order
    draftOrderService: DraftOrderService;
    // file
    fileService: FileService;
    fileProviderService: FileProviderService;
    localFileProviderService: LocalFileProviderService;
    // search
    searchService: SearchService;
    // gift-card
    giftCardService: GiftCardService;
    // note
    noteService: NoteService;
    // notification
    notificationService: NotificationService;
    notificationProviderService: NotificationProviderService;
    logNotificationProviderService: LogNotificationProviderService;
    // order
    orderService: OrderService;
    orderPaymentService: OrderPaymentService;
    orderCancellationService: OrderCancellationService;
    fulfillmentService: FulfillmentService;
    orderShippingService: OrderShippingService;
    orderClaimingService: OrderClaimingService;
    orderReturnService: OrderReturnService;
    // order-edit
    orderEditService: OrderEditService;
    paymentCollectionService: PaymentCollectionService;
    paymentCollectionSessionService: PaymentCollectionSessionService;
    orderSwapService: OrderSwapService;
    orderSettlementService: OrderSettlementService;
    orderActionService: OrderActionService;
    // payment
    paymentService: PaymentService;
    paymentSessionService: PaymentSessionService;
    paymentWebhookService: PaymentWebhookService;
    paymentProviderService: PaymentProviderService;
    manualPaymentProviderService: ManualPaymentProviderService;
    // product
    productService: ProductService;
    productVariantService: ProductVariantService;
    productCategoryService: ProductCategoryService;
    productCollectionService: ProductCollectionService;
    productTagService: ProductTagService;
    productTypeService: ProductTypeService;
    productOptionService: ProductOptionService;
    priceSelectionService: PriceSelectionService;
    // price-list
    priceListService: PriceListService;
    // region
    regionService: RegionService;
    currencyService: CurrencyService;
    // return
    returnReasonService: ReturnReasonService;
    returnService: ReturnService;
    // sales-channel
    salesChannelService: SalesChannelService;
    publishableApiKeyService: PublishableApiKeyService;
    // stock-location
    stockLocationService: StockLocationService;
    // inventory
    inventoryService: InventoryService;
    reservationService: ReservationService;
    // swap
    swapService: SwapService;
    // shipping
    shippingOptionService: ShippingOptionService;
    shippingMethodService: ShippingMethodService;
    fulfillmentProviderService: FulfillmentProviderService;
    manualFulfillmentProviderService: ManualFulfillmentProviderService;
    shippingProfileService: ShippingProfileService;
    // store
    storeService: StoreService;
    // tax
    taxRateService: TaxRateService;
    // user
    userService: UserService;
    inviteService: InviteService;
    userPasswordResetService: UserPasswordResetService;
  }
}

export type { KioskServices, KioskContainer } from "./kernel/container/kiosk-services";
