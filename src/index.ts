/**
 * `kiosk`: the stable entry, everything a Kiosk project imports day to day
 * (config, TypeORM's decorators, base classes, errors, route, subscriber and job
 * types, the validation schemas, auth helpers, the types services hand each
 * other), so a project never carries its own copy of TypeORM or express.
 *
 * Two more entries: `kiosk/testing` (`startTestServer`) and `kiosk/sql` (the
 * experimental raw-SQL layer: `sql`, `runSql`, `JsonBatch`, …). `kiosk/internal`
 * holds helpers the core modules share and is not for projects.
 */
import "reflect-metadata";

export { defineConfig, type KioskConfig, type PluginEntry, type KioskStrategies } from "./kernel/config/define-config";
export type { ResolvedConfig, KioskEnv, Dialect } from "./kernel/config/resolved-config";
export * from "./kernel/errors";
export { generateId } from "./kernel/ids";
export { KioskEntity } from "./kernel/database/kiosk-entity";
export { MoneyColumn, safeIntegerTransformer } from "./kernel/database/money-column";
export { alterIntegerColumns } from "./kernel/database/alter-integer-columns";
export { resolveColumnType } from "./kernel/database/portable-types";
export { mergeMetadata } from "./kernel/database/merge-metadata";
export { containsPattern } from "./kernel/database/like-pattern";
export { Customizable } from "./kernel/custom-fields/customizable";
export {
  customFieldsShape,
  customFieldsFilterShape,
  customFieldFilters,
  customFieldNames,
  customFieldValues,
} from "./kernel/custom-fields/custom-field-schemas";
export type { CustomFieldDefinition, CustomFieldsConfig, CustomFieldType } from "./kernel/custom-fields/field-definition";
export { ProviderRegistry, type Identified } from "./kernel/container/provider-registry";
export type {
  EventBus,
  EventMessage,
  RetryOptions,
  SubscriberArgs,
  SubscriberConfig,
  SubscriberHandler,
} from "./kernel/events/event-bus";
export { UnitOfWork, type TransactionContext } from "./kernel/events/unit-of-work";
export {
  defineMiddlewares,
  type KioskRequest,
  type KioskResponse,
  type KioskMiddleware,
  type MiddlewaresConfig,
  type MiddlewareRoute,
  type RouteHandler,
} from "./kernel/http/types";
export { withValidation } from "./kernel/http/with-validation";
export { readMultipartFiles, type MultipartFile } from "./kernel/http/multipart-files";
export { money, MAX_AMOUNT } from "./kernel/http/money-schema";
export { metadata } from "./kernel/http/metadata-schema";
export { addressPayload, countryCode, ADDRESS_FIELDS, type AddressPayload } from "./kernel/http/address-schema";
export { listQuery, retrieveQuery, listEnvelope, stringList, MAX_LIMIT } from "./kernel/http/list-query";
export { responses } from "./kernel/http/response-schemas";
export { isoDate, dateRange, strictIsoDate, isStorableDate, MIN_DATE, MAX_DATE } from "./kernel/http/date-schema";
export { INPUT_LIMITS } from "./kernel/http/input-limits";
export { authenticate, requireActorId } from "./kernel/auth/authenticate";
export { SESSION_COOKIE, setSessionCookie, clearSessionCookie } from "./kernel/auth/session-cookie";
export { signToken, verifyToken, type AuthActor } from "./kernel/auth/token";
export { hashPassword, verifyPassword } from "./kernel/auth/password";
export {
  PASSWORD_RESET_TTL,
  passwordResetTokenSubject,
  signPasswordResetToken,
  verifyPasswordResetToken,
  type ResetTokenAccount,
} from "./kernel/auth/password-reset-token";
export { signInviteToken, verifyInviteToken, type InviteClaims, type InviteTokenCheck } from "./kernel/auth/invite-token";
export { invalidResetToken, resetTokenFor, checkResetToken, writeNewPassword } from "./kernel/auth/password-reset";
export { signPurposeToken, verifyPurposeToken } from "./kernel/auth/purpose-token";
export { limitSignIn, type AttemptOptions, type SignInAccount, type SignInLimiter } from "./kernel/auth/sign-in-limiter";
export type { TokenVersionCache, TokenVersionSource, TokenVersion } from "./kernel/auth/token-version-cache";
export type {
  PaymentProvider,
  PaymentContext,
  PaymentAuthorization,
  ProviderPayment,
  ProviderSession,
  WebhookPayload,
  WebhookActionResult,
} from "./modules/payment/lib/payment-provider";
export type { FulfillmentProvider } from "./modules/shipping/lib/fulfillment-provider";
export type {
  NotificationProvider,
  NotificationResult,
  NotificationEventData,
  SentNotification,
  AttachmentGenerator,
} from "./modules/notification/lib/notification-provider";
export type { FileProvider, ProviderFile, FileContext, FileUpload } from "./modules/file/lib/file-provider";
export type { SearchFilter } from "./modules/search/services/search";
export type { KioskServices, KioskContainer } from "./services";
export type { KioskEvents, KioskEventName, CoreEvents } from "./events";
export { defineSubscriber, type DefinedSubscriber } from "./kernel/events/define-subscriber";
// Strategies and hooks: how a project changes the core's behaviour without copying it.
export type {
  TaxLine,
  TaxCalculationInput,
  TaxRateOverrides,
  TaxCalculationResult,
  TaxCalculationStrategy,
  PriceSelectionInput,
  PriceSelectionResult,
  PriceSelectionStrategy,
  OrderNumberStrategy,
} from "./strategies";
export { defineHook, type KioskHooks } from "./hooks";
export type { HookRunner, HookDefinition } from "./kernel/hooks/hook-runner";
// What one module's service hands another: each type is defined by the module that owns it.
export type { CartView, LineItemView } from "./modules/cart/lib/cart-view";
export type { LineItem } from "./modules/cart/models/line-item";
export type { LineItemChange, LineItemInput } from "./modules/cart/lib/line-pricing";
export type { UpdateCartInput } from "./modules/cart/services/cart";
export type { DiscountView, DiscountableLine } from "./modules/discount/services/discount";
export type { DiscountWithRule } from "./modules/discount/lib/discount-reads";
export type { GiftCardRow } from "./modules/gift-card/lib/gift-card-view";
export type { OrderGiftCards } from "./modules/gift-card/lib/gift-card-reads";
export type { CatalogVariant, CatalogPrice } from "./modules/product/lib/variant-reads";
export type { OrderView } from "./modules/order/lib/order-view";
export type { ReturnView } from "./modules/return/lib/return-view";
export type { SwapRowView, SwapView } from "./modules/swap/lib/swap-view";
export type { ClaimView } from "./modules/claim/lib/claim-view";
export type { ListPrice } from "./modules/price-list/lib/prices-in-force";
export type { Payment } from "./modules/payment/models/payment";
export type { RefundReason } from "./modules/payment/models/refund";
export type { PaymentSession } from "./modules/payment/models/payment-session";
export type { StartedSession } from "./modules/payment/services/payment-session";
export type { Region } from "./modules/region/models/region";
export type { SalesChannel } from "./modules/sales-channel/models/sales-channel";
export type { JobArgs, JobConfig } from "./kernel/loaders/load-jobs";
export { Kernel, startKernel, type KernelOptions } from "./kernel/boot/kernel";

// TypeORM's decorators and schema classes, re-exported for models and migrations.
export {
  Entity,
  Column,
  PrimaryColumn,
  Index,
  Unique,
  Check,
  ManyToOne,
  OneToMany,
  ManyToMany,
  OneToOne,
  JoinColumn,
  JoinTable,
  BeforeInsert,
  BeforeUpdate,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  TableUnique,
  TableCheck,
  In,
  Not,
  IsNull,
  Like,
  ILike,
  MoreThanOrEqual,
  LessThanOrEqual,
  LessThan,
  MoreThan,
  Brackets,
  type EntityManager,
  type FindOptionsWhere,
  type MigrationInterface,
  type QueryRunner,
  type Repository,
} from "typeorm";
export { z } from "zod";

// The core services' classes, for a project's override to extend (`class CartService extends core.CartService`).
// Last, and each read lazily on first use: the module files import "kiosk" themselves.
export * from "./core-services";
