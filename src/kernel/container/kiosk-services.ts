import type { AwilixContainer, ResolveOptions } from "awilix";
import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "pino";
import type { ResolvedConfig } from "../config/resolved-config";
import type { EventBus } from "../events/event-bus";
import type { UnitOfWork } from "../events/unit-of-work";
import type { TokenVersionCache } from "../auth/token-version-cache";
import type { SignInLimiter } from "../auth/sign-in-limiter";
import type { RouteDefinition } from "../loaders/load-routes";

/**
 * What the container holds, by name. The kernel declares its own
 * infrastructure here; the core modules' services are added by declaration
 * merging in `src/services.ts` (the kernel never imports a module), and a
 * plugin or a project adds its own the same way, through `"kiosk"`:
 *
 * ```ts
 * declare module "kiosk" {
 *   interface KioskServices {
 *     wishlistService: WishlistService;
 *   }
 * }
 * ```
 */
export interface KioskServices {
  config: ResolvedConfig;
  logger: Logger;
  dataSource: DataSource;
  manager: EntityManager;
  eventBus: EventBus;
  unitOfWork: UnitOfWork;
  tokenVersionCache: TokenVersionCache;
  signInLimiter: SignInLimiter;
  /** The route files of this generation (the dashboard derives its screens for project entities from them). */
  routeDefinitions: RouteDefinition[];
}

/**
 * The container (or a request's scope of it) as routes, subscribers and jobs
 * see it: `resolve("productService")` is typed from `KioskServices`, and a
 * misspelt name is a type error. A name `KioskServices` does not declare
 * resolves as `unknown` unless its type is given, `resolve<Mailer>("mailer")`
 * (it is never inferred from where the result goes); better, declare it.
 */
export interface KioskContainer extends AwilixContainer<KioskServices> {
  resolve<K extends keyof KioskServices>(name: K, resolveOptions?: ResolveOptions): KioskServices[K];
  resolve<T = unknown>(name: string | symbol, resolveOptions?: ResolveOptions): NoInfer<T>;
}
