import type CartServiceClass from "./modules/cart/services/cart";
import type CartCompletionServiceClass from "./modules/cart/services/cart-completion";
import type LineItemServiceClass from "./modules/cart/services/line-item";
import type CustomerServiceClass from "./modules/customer/services/customer";
import type CustomerAddressServiceClass from "./modules/customer/services/customer-address";
import type DiscountServiceClass from "./modules/discount/services/discount";
import type OrderServiceClass from "./modules/order/services/order";
import type OrderPaymentServiceClass from "./modules/order/services/order-payment";
import type OrderCancellationServiceClass from "./modules/order/services/order-cancellation";
import type FulfillmentServiceClass from "./modules/order/services/fulfillment";
import type OrderShippingServiceClass from "./modules/order/services/order-shipping";
import type OrderClaimingServiceClass from "./modules/order/services/order-claiming";
import type PaymentServiceClass from "./modules/payment/services/payment";
import type PaymentSessionServiceClass from "./modules/payment/services/payment-session";
import type PaymentWebhookServiceClass from "./modules/payment/services/payment-webhook";
import type PaymentProviderServiceClass from "./modules/payment/services/payment-provider";
import type ManualPaymentProviderServiceClass from "./modules/payment/services/manual-payment-provider";
import type ProductServiceClass from "./modules/product/services/product";
import type ProductVariantServiceClass from "./modules/product/services/product-variant";
import type ProductCategoryServiceClass from "./modules/product/services/product-category";
import type ProductCollectionServiceClass from "./modules/product/services/product-collection";
import type ProductTagServiceClass from "./modules/product/services/product-tag";
import type PriceSelectionServiceClass from "./modules/product/services/price-selection";
import type RegionServiceClass from "./modules/region/services/region";
import type CurrencyServiceClass from "./modules/region/services/currency";
import type ShippingOptionServiceClass from "./modules/shipping/services/shipping-option";
import type ShippingMethodServiceClass from "./modules/shipping/services/shipping-method";
import type FulfillmentProviderServiceClass from "./modules/shipping/services/fulfillment-provider";
import type ManualFulfillmentProviderServiceClass from "./modules/shipping/services/manual-fulfillment-provider";
import type UserServiceClass from "./modules/user/services/user";
import type FileServiceClass from "./modules/file/services/file";
import type SearchServiceClass from "./modules/search/services/search";

/**
 * The core modules' service classes as values, so a project's override extends
 * the core one instead of copying it:
 *
 * ```ts
 * import { CartService as CoreCartService } from "kiosk";
 * export default class CartService extends CoreCartService { … }
 * ```
 *
 * Each is required on first read, not when "kiosk" loads: the module files import
 * "kiosk" themselves, so loading them from the entry would be a cycle.
 */
const files = {
  CartService: "./modules/cart/services/cart",
  CartCompletionService: "./modules/cart/services/cart-completion",
  LineItemService: "./modules/cart/services/line-item",
  CustomerService: "./modules/customer/services/customer",
  CustomerAddressService: "./modules/customer/services/customer-address",
  DiscountService: "./modules/discount/services/discount",
  OrderService: "./modules/order/services/order",
  OrderPaymentService: "./modules/order/services/order-payment",
  OrderCancellationService: "./modules/order/services/order-cancellation",
  FulfillmentService: "./modules/order/services/fulfillment",
  OrderShippingService: "./modules/order/services/order-shipping",
  OrderClaimingService: "./modules/order/services/order-claiming",
  PaymentService: "./modules/payment/services/payment",
  PaymentSessionService: "./modules/payment/services/payment-session",
  PaymentWebhookService: "./modules/payment/services/payment-webhook",
  PaymentProviderService: "./modules/payment/services/payment-provider",
  ManualPaymentProviderService: "./modules/payment/services/manual-payment-provider",
  ProductService: "./modules/product/services/product",
  ProductVariantService: "./modules/product/services/product-variant",
  ProductCategoryService: "./modules/product/services/product-category",
  ProductCollectionService: "./modules/product/services/product-collection",
  ProductTagService: "./modules/product/services/product-tag",
  PriceSelectionService: "./modules/product/services/price-selection",
  RegionService: "./modules/region/services/region",
  CurrencyService: "./modules/region/services/currency",
  ShippingOptionService: "./modules/shipping/services/shipping-option",
  ShippingMethodService: "./modules/shipping/services/shipping-method",
  FulfillmentProviderService: "./modules/shipping/services/fulfillment-provider",
  ManualFulfillmentProviderService: "./modules/shipping/services/manual-fulfillment-provider",
  UserService: "./modules/user/services/user",
  FileService: "./modules/file/services/file",
  SearchService: "./modules/search/services/search",
} as const;

for (const [name, file] of Object.entries(files)) {
  Object.defineProperty(exports, name, { enumerable: true, get: () => require(file).default });
}

export declare const CartService: typeof CartServiceClass;
export declare const CartCompletionService: typeof CartCompletionServiceClass;
export declare const LineItemService: typeof LineItemServiceClass;
export declare const CustomerService: typeof CustomerServiceClass;
export declare const CustomerAddressService: typeof CustomerAddressServiceClass;
export declare const DiscountService: typeof DiscountServiceClass;
export declare const OrderService: typeof OrderServiceClass;
export declare const OrderPaymentService: typeof OrderPaymentServiceClass;
export declare const OrderCancellationService: typeof OrderCancellationServiceClass;
export declare const FulfillmentService: typeof FulfillmentServiceClass;
export declare const OrderShippingService: typeof OrderShippingServiceClass;
export declare const OrderClaimingService: typeof OrderClaimingServiceClass;
export declare const PaymentService: typeof PaymentServiceClass;
export declare const PaymentSessionService: typeof PaymentSessionServiceClass;
export declare const PaymentWebhookService: typeof PaymentWebhookServiceClass;
export declare const PaymentProviderService: typeof PaymentProviderServiceClass;
export declare const ManualPaymentProviderService: typeof ManualPaymentProviderServiceClass;
export declare const ProductService: typeof ProductServiceClass;
export declare const ProductVariantService: typeof ProductVariantServiceClass;
export declare const ProductCategoryService: typeof ProductCategoryServiceClass;
export declare const ProductCollectionService: typeof ProductCollectionServiceClass;
export declare const ProductTagService: typeof ProductTagServiceClass;
export declare const PriceSelectionService: typeof PriceSelectionServiceClass;
export declare const RegionService: typeof RegionServiceClass;
export declare const CurrencyService: typeof CurrencyServiceClass;
export declare const ShippingOptionService: typeof ShippingOptionServiceClass;
export declare const ShippingMethodService: typeof ShippingMethodServiceClass;
export declare const FulfillmentProviderService: typeof FulfillmentProviderServiceClass;
export declare const ManualFulfillmentProviderService: typeof ManualFulfillmentProviderServiceClass;
export declare const UserService: typeof UserServiceClass;
export declare const FileService: typeof FileServiceClass;
export declare const SearchService: typeof SearchServiceClass;

// The same names as types (an instance of the class), so `CoreCartService["create"]` reads as in any class.
export type CartService = CartServiceClass;
export type CartCompletionService = CartCompletionServiceClass;
export type LineItemService = LineItemServiceClass;
export type CustomerService = CustomerServiceClass;
export type CustomerAddressService = CustomerAddressServiceClass;
export type DiscountService = DiscountServiceClass;
export type OrderService = OrderServiceClass;
export type OrderPaymentService = OrderPaymentServiceClass;
export type OrderCancellationService = OrderCancellationServiceClass;
export type FulfillmentService = FulfillmentServiceClass;
export type OrderShippingService = OrderShippingServiceClass;
export type OrderClaimingService = OrderClaimingServiceClass;
export type PaymentService = PaymentServiceClass;
export type PaymentSessionService = PaymentSessionServiceClass;
export type PaymentWebhookService = PaymentWebhookServiceClass;
export type PaymentProviderService = PaymentProviderServiceClass;
export type ManualPaymentProviderService = ManualPaymentProviderServiceClass;
export type ProductService = ProductServiceClass;
export type ProductVariantService = ProductVariantServiceClass;
export type ProductCategoryService = ProductCategoryServiceClass;
export type ProductCollectionService = ProductCollectionServiceClass;
export type ProductTagService = ProductTagServiceClass;
export type PriceSelectionService = PriceSelectionServiceClass;
export type RegionService = RegionServiceClass;
export type CurrencyService = CurrencyServiceClass;
export type ShippingOptionService = ShippingOptionServiceClass;
export type ShippingMethodService = ShippingMethodServiceClass;
export type FulfillmentProviderService = FulfillmentProviderServiceClass;
export type ManualFulfillmentProviderService = ManualFulfillmentProviderServiceClass;
export type UserService = UserServiceClass;
